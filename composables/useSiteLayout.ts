import type { LayoutQueryResult } from '~/types/sanity.types'
import { layoutQuery } from '~/queries'

/** Site settings and navigation, fetched once per request and shared by layout, SEO and pages. */
export function useSiteLayout() {
  return useContentQuery<LayoutQueryResult>('layout', layoutQuery)
}
