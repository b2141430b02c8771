import { checkHelloAssoUrl } from '#shared/helloasso'

/**
 * The site side of the shared HelloAsso rule: sandbox URLs only outside
 * production, and only the association's own organisation. A refused URL is
 * logged once per render and never becomes a link or an iframe.
 */
export async function useHelloAsso() {
  const config = useRuntimeConfig().public
  const layout = await useSiteLayout()
  const organization = layout.value?.settings?.helloAssoOrganization || undefined
  return (url: string | null | undefined, context: string): string | undefined => {
    if (!url) return undefined
    // Fail closed: the sandbox is accepted only where the environment says it is not production.
    const allowSandbox = Boolean(config.siteEnv) && config.siteEnv !== 'production'
    const check = checkHelloAssoUrl(url, { allowSandbox, organization })
    if (check.ok) return check.url.href
    console.warn(`[helloasso] refused URL for ${context}: ${check.reason}`)
    return undefined
  }
}
