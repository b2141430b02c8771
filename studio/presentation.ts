/**
 * The Presentation tool: the Nuxt site in an iframe, in preview mode, with
 * click-to-edit overlays. The site enables preview mode through the Studio's
 * secret handshake on /api/preview/enable (server/api/preview/, built with
 * @sanity/preview-url-secret) and shows drafts from then on.
 *
 * `locations` lists where a document appears on the site (the « Utilisé
 * sur » panel of the form); `mainDocuments` tells which document a site URL
 * is about, so navigating the preview opens that document's form.
 */
import { defineDocuments, defineLocations, presentationTool } from 'sanity/presentation'
import type { DocumentLocation, DocumentLocationResolvers, DocumentResolver } from 'sanity/presentation'
import { documentPath } from '../shared/routes'
import { previewOrigin } from './env'

/** Site routes of the lists a document also appears in. */
const CATALOGUE: DocumentLocation = { title: 'Catalogue des formations', href: '/formations' }
const NEWS: DocumentLocation = { title: 'Actualités', href: '/actualites' }
const HOME: DocumentLocation = { title: 'Page d’accueil', href: '/' }
const MEMBERSHIP: DocumentLocation = { title: 'Adhésion', href: '/adhesion' }

interface Selected {
  title?: string | null
  slug?: string | null
}

/** The document's own page (shared/routes.ts, as the site builds its links), then the lists. */
function ownPageLocations(type: string, lists: DocumentLocation[]) {
  return defineLocations({
    select: { title: 'title', slug: 'slug.current' },
    resolve: (document: Selected | null) => {
      const href = documentPath(type, document?.slug)
      if (!href) {
        return { locations: lists, message: 'Définissez l’identifiant d’URL pour voir la page.', tone: 'caution' }
      }
      return { locations: [{ title: document?.title || 'Sans titre', href }, ...lists] }
    },
  })
}

export const locations: DocumentLocationResolvers = {
  home: defineLocations({ locations: [HOME] }),
  page: ownPageLocations('page', []),
  formation: ownPageLocations('formation', [CATALOGUE]),
  post: ownPageLocations('post', [NEWS]),
  membership: defineLocations({ locations: [MEMBERSHIP] }),
}

const bySlug = (type: string) => `_type == "${type}" && slug.current == $slug`

/**
 * Site route → the document it shows, most specific first (the first route
 * that matches wins). Slugs are passed as GROQ parameters, never spliced in.
 * Page slugs may have several segments (`association/equipe`), hence the
 * path rather than a `:slug` parameter.
 */
export const mainDocuments: DocumentResolver[] = defineDocuments([
  { route: '/', type: 'home' },
  { route: '/formations/:slug', resolve: ({ params }) => ({ filter: bySlug('formation'), params: { slug: params.slug ?? '' } }) },
  { route: '/actualites/:slug', resolve: ({ params }) => ({ filter: bySlug('post'), params: { slug: params.slug ?? '' } }) },
  { route: '/:path+', resolve: ({ path }) => ({ filter: bySlug('page'), params: { slug: decodeURIComponent(path.slice(1)) } }) },
])

export function presentation() {
  return presentationTool({
    title: 'Aperçu',
    previewUrl: {
      initial: previewOrigin,
      previewMode: {
        enable: '/api/preview/enable',
        // Not called by this version of Presentation yet (typed deprecated
        // upstream); kept so the site's route is declared in one place.
        disable: '/api/preview/disable',
      },
    },
    resolve: { locations, mainDocuments },
  })
}
