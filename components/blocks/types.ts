import type { HomeQueryResult, PageQueryResult } from '~/types/sanity.types'

/** A page-builder block as the queries return it, typed by TypeGen. */
export type PageBlock
  = | NonNullable<NonNullable<PageQueryResult>['blocks']>[number]
    | NonNullable<NonNullable<HomeQueryResult>['blocks']>[number]

export type BlockType = PageBlock['_type']
export type BlockOf<T extends BlockType> = Extract<PageBlock, { _type: T }>
