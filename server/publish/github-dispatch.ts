/**
 * The rebuild request of issue 5: a GitHub `repository_dispatch` of type
 * `sanity-publish`, which .github/workflows/deploy.yml answers by rebuilding
 * (fresh prerendered pages) and rolling out every environment showing the
 * dataset. Editors publish in bursts, so publishes are coalesced: the first
 * one opens a window, everything published before it closes goes out as ONE
 * dispatch carrying all the document ids and publish-log event ids.
 */

export interface GithubDispatchConfig {
  token: string
  /** owner/name */
  repository: string
  /** https://api.github.com, or a stand-in in tests. */
  apiUrl: string
}

export interface DispatchPayload {
  dataset: string
  documentIds: string[]
  publishEventIds: string[]
}

export interface DispatchResult {
  ok: boolean
  /** HTTP status, 0 when no answer came (network error, timeout). */
  status: number
  /** The start of GitHub's answer, for the publish log. */
  body: string
  /** Worth trying again later: no answer, 5xx, 408, 429, a rate limit. */
  retryable: boolean
  error?: string
}

export const GITHUB_API_VERSION = '2022-11-28'
export const DISPATCH_EVENT_TYPE = 'sanity-publish'
const REPOSITORY = /^[\w.-]+\/[\w.-]+$/
const BODY_EXCERPT = 300

export function isDispatchConfigured(config: Partial<GithubDispatchConfig>): config is GithubDispatchConfig {
  return Boolean(config.token && config.repository && REPOSITORY.test(config.repository))
}

/** Sends one repository_dispatch; never throws. */
export async function sendRepositoryDispatch(config: GithubDispatchConfig, payload: DispatchPayload, options: { timeoutMs?: number, fetch?: typeof fetch } = {}): Promise<DispatchResult> {
  const url = `${(config.apiUrl || 'https://api.github.com').replace(/\/+$/, '')}/repos/${config.repository}/dispatches`
  try {
    const response = await (options.fetch ?? fetch)(url, {
      method: 'POST',
      headers: {
        'accept': 'application/vnd.github+json',
        'authorization': `Bearer ${config.token}`,
        'content-type': 'application/json',
        'user-agent': 'gpm-site-publish',
        'x-github-api-version': GITHUB_API_VERSION,
      },
      body: JSON.stringify({ event_type: DISPATCH_EVENT_TYPE, client_payload: payload }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    })
    const body = (await response.text()).slice(0, BODY_EXCERPT)
    const rateLimited = response.status === 403 && (response.headers.has('retry-after') || response.headers.get('x-ratelimit-remaining') === '0')
    return {
      ok: response.ok,
      status: response.status,
      body,
      retryable: !response.ok && (response.status >= 500 || [408, 429].includes(response.status) || rateLimited),
    }
  }
  catch (error) {
    return { ok: false, status: 0, body: '', retryable: true, error: (error as Error).message }
  }
}

export interface QueuedPublish {
  dataset: string
  documentIds: string[]
  publishEventId: string
}

export interface DispatchAttempt {
  payload: DispatchPayload
  result: DispatchResult
  attempt: number
  /** No further attempt will be made for this payload. */
  final: boolean
}

export interface DispatchQueueOptions {
  windowMs: number
  send: (payload: DispatchPayload) => Promise<DispatchResult>
  /** Called after every attempt, successful or not. */
  onAttempt: (attempt: DispatchAttempt) => void | Promise<void>
  /** Delays before the 2nd, 3rd… attempts; their count bounds the attempts. */
  retryDelaysMs?: number[]
}

/**
 * Coalesces publishes per window and dataset into single dispatches, retried
 * with backoff when GitHub does not answer or answers 5xx/429.
 */
export function createDispatchQueue(options: DispatchQueueOptions) {
  const retryDelays = options.retryDelaysMs ?? [5_000, 15_000, 60_000, 180_000]
  let waiting: QueuedPublish[] = []
  let window: ReturnType<typeof setTimeout> | undefined
  const retrying = new Set<ReturnType<typeof setTimeout>>()
  const inFlight = new Set<Promise<void>>()

  function batches(items: QueuedPublish[]): DispatchPayload[] {
    const byDataset = new Map<string, DispatchPayload>()
    for (const item of items) {
      let payload = byDataset.get(item.dataset)
      if (!payload) byDataset.set(item.dataset, payload = { dataset: item.dataset, documentIds: [], publishEventIds: [] })
      for (const id of item.documentIds) if (!payload.documentIds.includes(id)) payload.documentIds.push(id)
      if (!payload.publishEventIds.includes(item.publishEventId)) payload.publishEventIds.push(item.publishEventId)
    }
    return [...byDataset.values()]
  }

  function attempt(payload: DispatchPayload, number: number) {
    const task = (async () => {
      const result = await options.send(payload)
      const final = result.ok || !result.retryable || number > retryDelays.length
      await options.onAttempt({ payload, result, attempt: number, final })
      if (!final) {
        const timer = setTimeout(() => {
          retrying.delete(timer)
          attempt(payload, number + 1)
        }, retryDelays[number - 1])
        retrying.add(timer)
      }
    })().catch(() => { /* onAttempt reports its own failures */ })
    inFlight.add(task)
    void task.finally(() => inFlight.delete(task))
  }

  function closeWindow() {
    window = undefined
    const items = waiting
    waiting = []
    for (const payload of batches(items)) attempt(payload, 1)
  }

  return {
    enqueue(item: QueuedPublish) {
      waiting.push(item)
      window ??= setTimeout(closeWindow, options.windowMs)
    },
    /** Publishes waiting for their window plus dispatches waiting for a retry. */
    pending: () => waiting.length + retrying.size,
    /** Sends what is waiting now and waits for every attempt under way (tests, shutdown). */
    async flush() {
      if (window) {
        clearTimeout(window)
        closeWindow()
      }
      while (inFlight.size) await Promise.all([...inFlight])
    },
    stop() {
      if (window) clearTimeout(window)
      for (const timer of retrying) clearTimeout(timer)
      retrying.clear()
      window = undefined
    },
  }
}

export type DispatchQueue = ReturnType<typeof createDispatchQueue>
