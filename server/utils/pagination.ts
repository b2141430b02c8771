import { z } from 'zod'

/**
 * `page` (from 1) and `page_size` (1–100, default 20) of every staff list.
 * Query strings arrive as text: they are coerced, and anything else than a
 * whole number in range answers 422.
 */
export const paginationQuery = z.object({
  page: z.coerce.number({ error: 'Le numéro de page doit être un nombre.' })
    .int('Le numéro de page doit être un nombre entier.')
    .min(1, 'Le numéro de page commence à 1.')
    .max(1_000_000, 'Numéro de page trop grand.')
    .default(1),
  page_size: z.coerce.number({ error: 'La taille de page doit être un nombre.' })
    .int('La taille de page doit être un nombre entier.')
    .min(1, 'La taille de page est d’au moins 1.')
    .max(100, 'La taille de page est d’au plus 100.')
    .default(20),
})

export type Pagination = z.infer<typeof paginationQuery>

/** What every list answers. */
export interface Page<Item> {
  items: Item[]
  page: number
  page_size: number
  total: number
}

/** LIMIT and OFFSET of a page. */
export function pageWindow({ page, page_size }: Pagination): { limit: number, offset: number } {
  return { limit: page_size, offset: (page - 1) * page_size }
}
