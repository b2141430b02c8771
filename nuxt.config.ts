// Everything environment-specific is a runtimeConfig key with an empty default,
// set at run time through NUXT_* variables: one build serves every environment.
/** Pages rendered per request, kept 5 minutes and refreshed in the background (stale-while-revalidate). */
const PAGE_CACHE = { swr: true, maxAge: 300, varies: ['x-gpm-preview'] }

export default defineNuxtConfig({

  modules: ['@nuxt/eslint', '@nuxtjs/tailwindcss', '@nuxtjs/sanity', '@nuxtjs/sitemap'],

  // Block components keep their `Block` prefix without the folder's name doubling it.
  components: [
    { path: '~/components/blocks', pathPrefix: false },
    '~/components',
  ],
  devtools: { enabled: false },

  app: {
    head: {
      htmlAttrs: { lang: 'fr' },
      charset: 'utf-8',
      viewport: 'width=device-width, initial-scale=1',
      link: [{ rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }],
      meta: [{ name: 'theme-color', content: '#1e3a8a' }],
    },
  },

  site: {
    name: 'GPM',
  },

  runtimeConfig: {
    /** Folder of the embedded dataset; default `<cwd>/content`. */
    contentDir: '',
    /** PostgreSQL URL (Supabase in production). Empty: embedded PGlite under `dataDir`. DATABASE_URL is read too. */
    databaseUrl: '',
    /** Folder of the embedded database and other local state; default `<cwd>/.data`. */
    dataDir: '',
    mail: {
      /** SMTP server for outgoing mail, smtp[s]://user:password@host:port. Empty: mail is logged (never in production). */
      smtpUrl: '',
      /** Sender of every e-mail, e.g. `GPM <ne-pas-repondre@gpm.fr>`. */
      from: '',
      /** Who receives contact messages; empty: the contact e-mail of the site settings. */
      notifyTo: '',
    },
    outbox: {
      /** How often the outbox is delivered, in seconds. */
      pollSeconds: 5,
      /** First retry delay in seconds, doubled at every failed attempt (capped at one hour). */
      retryBaseSeconds: 30,
    },
    forms: {
      /** Form posts allowed per visitor IP and per 10 minutes. */
      rateLimit: 5,
    },
    sanity: {
      /** Server-only read token (preview). Never put it in `public`. */
      token: '',
      /** Secret signing Sanity's webhook to /api/webhooks/sanity. Empty: the webhook answers 503 (fails closed). */
      webhookSecret: '',
    },
    /** Loopback port of the embedded Content Lake; empty: any free port. Tests and benchmarks publish through it. */
    contentLakePort: '',
    supabase: {
      /** Supabase's JWT secret (HS256 projects). Empty: tokens are checked against the project's JWKS, or the local secret in the embedded default. */
      jwtSecret: '',
      /** Supabase service role key, server only: inviting and deleting staff accounts. Empty: invite from Supabase's dashboard. */
      serviceRoleKey: '',
    },
    /** Bearer token of the pipeline's POST /api/v1/publish-events/<id>/stages. Empty: every call is refused. */
    publishLogToken: '',
    /** The nginx edge in front of this server (e.g. http://nginx:8080), asked to refresh published routes. Empty: no edge. */
    cacheRefreshUrl: '',
    /** Secret sent as X-Cache-Refresh with those requests; nginx and Nitro then bypass their caches. */
    cacheRefreshToken: '',
    github: {
      /** Token allowed to send repository_dispatch (fine-grained, Contents: read and write). Empty: no rebuild requested. */
      token: '',
      /** owner/name of the repository whose Deploy workflow rebuilds on a publish. */
      repository: '',
      /** GitHub API base URL; empty: https://api.github.com. */
      apiUrl: '',
      /** Publishes within this many seconds are coalesced into one rebuild request. */
      dispatchWindowSeconds: 30,
    },
    public: {
      /** Canonical origin, e.g. https://gpm.fr. */
      siteUrl: '',
      /** production | staging | development — decides indexing and the HelloAsso sandbox. */
      siteEnv: '',
      /** The Studio's URL (e.g. https://studio.gpm.fr): it may frame preview pages, and click-to-edit links point there. */
      studioUrl: '',
      /** Origin that serves Sanity images: https://cdn.sanity.io, or `/_sanity` in the embedded default. */
      imageBaseUrl: '',
      supabase: {
        /** Supabase project URL (https://<ref>.supabase.co). Empty: the embedded local sign-in (refused in production). */
        url: '',
        /** Supabase's anon (publishable) key, used by the server to sign staff in. */
        anonKey: '',
      },
      sanity: {
        projectId: '',
        dataset: 'production',
        apiHost: 'https://api.sanity.io',
        useProjectHostname: true,
        useCdn: true,
      },
    },
  },

  routeRules: {
    // Content pages need no JavaScript: menus and filters are plain HTML.
    '/**': { noScripts: true },
    // Registration state changes with the clock (a session starts, fills up):
    // these pages are rendered and cached for 5 minutes instead of frozen at
    // build. The crawler still follows their links. Catalogue filters are query
    // strings, also served by SSR.
    // `varies`: preview requests (x-gpm-preview, set by server/plugins/preview.ts)
    // get their own key, and their no-store responses are never kept.
    '/': { prerender: false, cache: PAGE_CACHE },
    '/formations': { prerender: false, cache: PAGE_CACHE },
    '/formations/**': { prerender: false, cache: PAGE_CACHE },
    // Form pages answer posts and show visitors' own input: rendered per request, never stored.
    '/formulaire/**': { prerender: false, headers: { 'cache-control': 'private, no-store' } },
    '/lettre/**': { prerender: false, headers: { 'cache-control': 'private, no-store' } },
    // The back office: per member, never cached, never indexed, never prerendered.
    '/admin': { prerender: false, headers: { 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex, nofollow' } },
    '/admin/**': { prerender: false, headers: { 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex, nofollow' } },
  },

  features: {
    // One stylesheet file for every page, cached by browsers across pages
    // (immutable /_nuxt/ asset), instead of ~37 KB of CSS inlined in each
    // page: lighter HTML, and a render no longer copies the CSS into it.
    inlineStyles: false,
  },

  experimental: {
    // Content pages ship no JavaScript, so _payload.json files would never be read.
    payloadExtraction: false,
  },
  compatibilityDate: '2026-11-01',

  nitro: {
    prerender: {
      crawlLinks: true,
      // Seeded through the hook below, not here: @nuxtjs/sitemap prerenders the
      // sitemap whenever this list is non-empty, and sitemap.xml (like robots.txt)
      // depends on the run-time site URL, so it must stay dynamic.
      routes: [],
      // Catalogue filters are query strings served by SSR; payloads are never used (no scripts).
      ignore: ['/formations?', /\/_payload\.json$/],
      failOnError: true,
    },
    // Prerendered pages and assets ship with .br/.gz twins that Nitro serves as is.
    compressPublicAssets: { gzip: true, brotli: true },
    // Sanity's visual editing overlays, loaded by preview pages only.
    publicAssets: [{ dir: '../node_modules/@sanity/visual-editing-standalone/dist', baseURL: '/_preview/visual-editing', maxAge: 3600 }],
    // The migrations travel inside the server build: the embedded default applies them at start.
    serverAssets: [{ baseName: 'migrations', dir: '../supabase/migrations' }],
    // sharp (native binary) and PGlite (WebAssembly + data files next to its module)
    // stay out of the bundle so their files are traced and copied as they are.
    externals: { external: ['sharp', '@electric-sql/pglite'] },
  },

  typescript: {
    strict: true,
  },
  telemetry: false,

  hooks: {
    // Crawl seeds: the home page is rendered at request time, so the crawler
    // starts from list pages; header and footer link every other page.
    'prerender:routes'({ routes }) {
      routes.add('/actualites')
      routes.add('/adhesion')
    },
  },

  eslint: {
    config: { stylistic: true },
  },

  sanity: {
    // Content Lake API version: from 2025-02-19 on, `published` is the default
    // perspective; it is also set explicitly so drafts can never leak.
    apiVersion: '2025-02-19',
    perspective: 'published',
    useCdn: true,
  },

  sitemap: {
    sources: ['/api/__sitemap__/urls'],
    // Content pages come from the dataset; the crawler must not add preview or API routes.
    exclude: ['/api/**', '/_sanity/**', '/formulaire/**', '/lettre/**', '/admin/**'],
    xsl: false,
    cacheMaxAgeSeconds: 600,
  },

  tailwindcss: {
    cssPath: '~/assets/css/main.css',
  },

})
