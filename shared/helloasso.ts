/**
 * The one rule deciding whether a URL may be rendered as a HelloAsso
 * registration link or iframe. Shared by the Studio (validation) and the site
 * (rendering), so an editor cannot publish a link the site would refuse.
 */

export const HELLOASSO_HOST = 'www.helloasso.com'
export const HELLOASSO_SANDBOX_HOST = 'www.helloasso-sandbox.com'

const ORGANIZATION_SLUG = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/

export interface HelloAssoRuleOptions {
  /** Accept the sandbox host; true everywhere except production. */
  allowSandbox?: boolean
  /** When set, the URL must belong to this organisation slug. */
  organization?: string
}

export type HelloAssoCheck
  = | { ok: true, url: URL, organization: string, sandbox: boolean }
    | { ok: false, reason: string }

export function checkHelloAssoUrl(value: unknown, options: HelloAssoRuleOptions = {}): HelloAssoCheck {
  if (typeof value !== 'string' || value.trim() === '') {
    return { ok: false, reason: 'Adresse HelloAsso manquante.' }
  }
  let url: URL
  try {
    url = new URL(value.trim())
  }
  catch {
    return { ok: false, reason: 'Adresse invalide : ce n’est pas une URL complète.' }
  }
  if (url.protocol !== 'https:') {
    return { ok: false, reason: 'L’adresse HelloAsso doit commencer par https://.' }
  }
  if (url.username || url.password || url.port) {
    return { ok: false, reason: 'L’adresse HelloAsso ne doit contenir ni identifiant ni port.' }
  }
  const sandbox = url.hostname === HELLOASSO_SANDBOX_HOST
  if (url.hostname !== HELLOASSO_HOST && !(sandbox && options.allowSandbox)) {
    return {
      ok: false,
      reason: sandbox
        ? 'L’adresse de test HelloAsso (sandbox) est refusée en production.'
        : `Seules les adresses ${HELLOASSO_HOST} sont acceptées.`,
    }
  }
  const [root, organization, ...rest] = url.pathname.split('/').filter(Boolean)
  if (root !== 'associations' || !organization || !ORGANIZATION_SLUG.test(organization)) {
    return { ok: false, reason: 'L’adresse doit pointer vers une page /associations/<association>/… de HelloAsso.' }
  }
  if (rest.length === 0) {
    return { ok: false, reason: 'L’adresse doit désigner un formulaire (adhésion, événement…), pas seulement la page de l’association.' }
  }
  if (options.organization && organization !== options.organization) {
    return { ok: false, reason: `L’adresse doit appartenir à l’association « ${options.organization} » sur HelloAsso.` }
  }
  return { ok: true, url, organization, sandbox }
}

export function isHelloAssoUrl(value: unknown, options: HelloAssoRuleOptions = {}): value is string {
  return checkHelloAssoUrl(value, options).ok
}
