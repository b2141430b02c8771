/**
 * A local stand-in for Sanity's Content Lake over the embedded dataset: the
 * HTTP query API (`/v<date>/data/query/<dataset>`, GET and POST, answering
 * `{ result, ms, query }`), document fetches, the mutation API (in memory,
 * with the server's token: what lets a test or a benchmark publish a change
 * the way the Studio does) and the image CDN. GROQ is evaluated by groq-js,
 * Sanity's own engine. The official @sanity/client talks to it exactly as it
 * talks to api.sanity.io.
 */
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { extname } from 'node:path'
import { evaluate, parse } from 'groq-js'
import { ImageParamError, createImageRenderer } from './images'
import { buildViews, loadDataset, type LoadedDataset, type Perspective } from './dataset'
import { applyMutations, MutationError } from './mutations'
import { sameSecret } from '../utils/same-secret'

export interface ContentLakeOptions {
  contentDir: string
  projectId: string
  dataset: string
  /** Token that unlocks the raw and drafts perspectives and mutations; unset → only `published` reads. */
  readToken?: string
  /** Public base of asset URLs (asset documents' `url`); defaults to this server's own origin. */
  assetBaseUrl?: string
}

export interface ContentLake {
  handle: (request: IncomingMessage, response: ServerResponse) => void
  /** Serves an asset file (`images/<file>` or `files/<file>`) with the image API parameters. */
  renderAsset: (path: string, params: URLSearchParams, accept: string) => Promise<{ status: number, body: Buffer | string, contentType: string }>
  listen: (port?: number, host?: string) => Promise<string>
  close: () => Promise<void>
  ready: Promise<LoadedDataset>
}

const MAX_BODY_BYTES = 1024 * 1024
const QUERY_PATH = /^\/v(\d{4}-\d{2}-\d{2}|1)\/data\/(query|doc|mutate)\/([\w-]+)(?:\/(.+))?$/
const ASSET_PATH = /^\/(images|files)\/([\w-]+)\/([\w-]+)\/([\w.-]+)$/
const PERSPECTIVES: Perspective[] = ['raw', 'published', 'drafts', 'previewDrafts']

class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly type = 'httpError') {
    super(message)
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown) {
  const payload = JSON.stringify(body)
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) })
  response.end(payload)
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'Request body too large')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** GROQ parameters travel as `$name=<JSON>` in the query string, as @sanity/client encodes them. */
function paramsFromSearch(search: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const [key, value] of search) {
    if (!key.startsWith('$')) continue
    try {
      params[key.slice(1)] = JSON.parse(value)
    }
    catch {
      throw new HttpError(400, `Parameter "${key}" is not valid JSON`, 'queryParseError')
    }
  }
  return params
}

/**
 * Headers for an asset response. Assets are user uploads served from the
 * site's origin (Sanity serves them from its own CDN host), so an SVG or any
 * other file must never run script here.
 */
export function assetHeaders(rendition: { status: number, contentType: string }): Record<string, string> {
  return {
    'content-type': rendition.contentType,
    'cache-control': rendition.status === 200 ? 'public, max-age=31536000, immutable' : 'no-store',
    'content-security-policy': 'default-src \'none\'; style-src \'unsafe-inline\'; sandbox',
    'x-content-type-options': 'nosniff',
    'vary': 'Accept',
  }
}

export function createContentLake(options: ContentLakeOptions): ContentLake {
  let origin = ''
  const images = createImageRenderer()
  const ready = loadDataset(options.contentDir, {
    projectId: options.projectId,
    dataset: options.dataset,
    assetBaseUrl: options.assetBaseUrl ?? '',
  })
  // Keep an unhandled rejection from killing the process before a request awaits it.
  ready.catch(() => {})

  function hasToken(request: IncomingMessage): boolean {
    const header = request.headers.authorization ?? ''
    const token = header.startsWith('Bearer ') ? header.slice(7) : ''
    return Boolean(options.readToken && token && sameSecret(token, options.readToken))
  }

  function perspectiveOf(search: URLSearchParams, request: IncomingMessage): Perspective {
    // As on the Content Lake from API version 2025-02-19: `published` unless asked otherwise.
    const requested = (search.get('perspective') ?? 'published') as Perspective
    if (!PERSPECTIVES.includes(requested)) throw new HttpError(400, `Unknown perspective "${requested}"`)
    if (requested === 'published') return requested
    // Anything that can reveal drafts needs the read token.
    if (!hasToken(request)) {
      throw new HttpError(401, `The "${requested}" perspective needs a valid read token`, 'unauthorized')
    }
    return requested
  }

  /**
   * `POST /data/mutate/<dataset>`: one transaction, applied in memory and
   * visible to the next query (`visibility: sync`). Answers like the Content
   * Lake: `{ transactionId, results: [{ id, operation, document? }] }`.
   */
  async function mutate(request: IncomingMessage, search: URLSearchParams) {
    if (request.method !== 'POST') throw new HttpError(405, 'Method not allowed')
    // Fails closed: without a configured token nothing can write.
    if (!hasToken(request)) throw new HttpError(401, 'Mutations need a valid token', 'unauthorized')
    let body: { mutations?: unknown, transactionId?: unknown }
    try {
      body = JSON.parse(await readBody(request))
    }
    catch (error) {
      if (error instanceof HttpError) throw error
      throw new HttpError(400, 'Request body is not valid JSON')
    }
    const transactionId = typeof body.transactionId === 'string' && /^[\w-]{1,64}$/.test(body.transactionId)
      ? body.transactionId
      : randomBytes(16).toString('base64url').slice(0, 22)
    const dataset = await ready
    let applied
    try {
      applied = applyMutations(dataset.views.raw, body.mutations, { transactionId, now: new Date().toISOString() })
    }
    catch (error) {
      if (error instanceof MutationError) throw new HttpError(error.status, error.message, error.type)
      throw error
    }
    if (search.get('dryRun') !== 'true') {
      Object.assign(dataset.views, buildViews(applied.documents))
      results.clear()
    }
    const returnDocuments = search.get('returnDocuments') === 'true'
    return {
      transactionId,
      results: applied.results.map(({ id, operation, document }) => ({ id, operation, ...(returnDocuments && document && { document }) })),
    }
  }

  // groq-js scans every document for every query: results are memoised per
  // perspective, query and parameters until the dataset changes (a mutation).
  // Queries reading the clock (now()) are always evaluated.
  const results = new Map<string, unknown>()
  const MAX_CACHED_RESULTS = 2000

  async function runQuery(query: string, params: Record<string, unknown>, perspective: Perspective) {
    const started = performance.now()
    const key = `${perspective}\n${query}\n${JSON.stringify(params)}`
    if (results.has(key)) return { result: results.get(key), ms: Math.round(performance.now() - started), query }
    const result = await evaluateQuery(query, params, perspective)
    if (!/\bnow\s*\(/.test(query)) {
      if (results.size >= MAX_CACHED_RESULTS) results.clear()
      results.set(key, result)
    }
    return { result, ms: Math.round(performance.now() - started), query }
  }

  async function evaluateQuery(query: string, params: Record<string, unknown>, perspective: Perspective) {
    const { views } = await ready
    const documents = perspective === 'published' ? views.published : perspective === 'raw' ? views.raw : views.drafts
    let tree
    try {
      tree = parse(query, { params })
    }
    catch (error) {
      throw new HttpError(400, (error as Error).message, 'queryParseError')
    }
    const value = await evaluate(tree, { dataset: documents, params, sanity: { projectId: options.projectId, dataset: options.dataset } })
    return value.get()
  }

  async function renderAsset(path: string, params: URLSearchParams, accept: string) {
    const { assetFiles } = await ready
    const asset = assetFiles.get(path)
    if (!asset) return { status: 404, body: 'Asset not found', contentType: 'text/plain; charset=utf-8' }
    const extension = extname(asset.fileName).slice(1)
    if (path.startsWith('files/') || extension === 'svg' || extension === 'gif') {
      return { status: 200, body: await readFile(asset.path), contentType: asset.mimeType }
    }
    try {
      const rendition = await images.get(asset.path, params, accept, extension)
      return { status: 200, ...rendition }
    }
    catch (error) {
      if (error instanceof ImageParamError) return { status: 400, body: error.message, contentType: 'text/plain; charset=utf-8' }
      throw error
    }
  }

  async function route(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://content-lake.local')
    const asset = ASSET_PATH.exec(url.pathname)
    if (asset) {
      if (request.method !== 'GET' && request.method !== 'HEAD') throw new HttpError(405, 'Method not allowed')
      const [, kind, projectId, dataset, fileName] = asset
      if (projectId !== options.projectId || dataset !== options.dataset) throw new HttpError(404, 'Asset not found')
      const rendition = await renderAsset(`${kind}/${fileName}`, url.searchParams, request.headers.accept ?? '')
      response.writeHead(rendition.status, assetHeaders(rendition))
      response.end(request.method === 'HEAD' ? undefined : rendition.body)
      return
    }
    const match = QUERY_PATH.exec(url.pathname)
    if (!match) throw new HttpError(404, 'Not found')
    const [, , endpoint, dataset, documentIds] = match
    if (dataset !== options.dataset) throw new HttpError(404, `Dataset "${dataset}" not found`, 'datasetNotFound')
    if (endpoint === 'mutate') {
      sendJson(response, 200, await mutate(request, url.searchParams))
      return
    }
    const perspective = perspectiveOf(url.searchParams, request)

    if (endpoint === 'doc') {
      if (request.method !== 'GET') throw new HttpError(405, 'Method not allowed')
      const ids = (documentIds ?? '').split(',').filter(Boolean)
      const { result } = await runQuery('*[_id in $ids]', { ids }, perspective)
      sendJson(response, 200, { documents: result, omitted: [] })
      return
    }

    let query: string | null
    let params: Record<string, unknown>
    if (request.method === 'GET') {
      query = url.searchParams.get('query')
      params = paramsFromSearch(url.searchParams)
    }
    else if (request.method === 'POST') {
      let body: { query?: unknown, params?: unknown }
      try {
        body = JSON.parse(await readBody(request))
      }
      catch (error) {
        if (error instanceof HttpError) throw error
        throw new HttpError(400, 'Request body is not valid JSON')
      }
      query = typeof body.query === 'string' ? body.query : null
      params = body.params && typeof body.params === 'object' ? body.params as Record<string, unknown> : {}
    }
    else {
      throw new HttpError(405, 'Method not allowed')
    }
    if (!query) throw new HttpError(400, 'Missing "query"', 'queryParseError')
    sendJson(response, 200, await runQuery(query, params, perspective))
  }

  function handle(request: IncomingMessage, response: ServerResponse) {
    route(request, response).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500
      const type = error instanceof HttpError ? error.type : 'internalError'
      const description = status === 500 ? 'Internal error while evaluating the query' : (error as Error).message
      if (status === 500) console.error('[content-lake]', error)
      if (!response.headersSent) sendJson(response, status, { error: { description, type }, statusCode: status })
      else response.end()
    })
  }

  let server: Server | undefined
  return {
    handle,
    renderAsset,
    ready,
    async listen(port = 0, host = '127.0.0.1') {
      await ready
      server = createServer(handle)
      await new Promise<void>((resolveListen, reject) => {
        server!.once('error', reject)
        server!.listen(port, host, () => resolveListen())
      })
      // An auxiliary of whatever process starts it (dev, build, production server):
      // it must never be the thing that keeps that process from exiting.
      server.unref()
      const address = server.address()
      if (!address || typeof address === 'string') throw new Error('content lake: no TCP address')
      origin = `http://${host}:${address.port}`
      return origin
    },
    close: () => new Promise<void>(resolveClose => server ? server.close(() => resolveClose()) : resolveClose()),
  }
}
