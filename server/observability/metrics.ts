/**
 * The app's Prometheus metrics, kept in the process and rendered in the text
 * exposition format (version 0.0.4) by /metrics. No client library: four
 * metrics, one format, and labels whose values are bounded by construction
 * (route patterns, methods, status codes), never raw URLs.
 * Names and labels are the contract of docs/runbook.md and the Grafana dashboard.
 */

type Labels = Record<string, string>

const escapeLabel = (value: string) => value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"')
const labelText = (labels: Labels) => {
  const entries = Object.entries(labels)
  return entries.length ? `{${entries.map(([name, value]) => `${name}="${escapeLabel(value)}"`).join(',')}}` : ''
}
const numberText = (value: number) => Number.isFinite(value) ? String(value) : value > 0 ? '+Inf' : value < 0 ? '-Inf' : 'NaN'
const keyOf = (names: readonly string[], labels: Labels) => JSON.stringify(names.map(name => labels[name] ?? ''))

interface Metric {
  render(): string
}

export class Counter<L extends string = never> implements Metric {
  private readonly values = new Map<string, { labels: Labels, value: number }>()
  constructor(readonly name: string, readonly help: string, readonly labelNames: readonly L[] = []) {}

  inc(labels: Record<L, string> = {} as Record<L, string>, amount = 1) {
    const key = keyOf(this.labelNames, labels)
    const entry = this.values.get(key)
    if (entry) entry.value += amount
    else this.values.set(key, { labels: { ...labels }, value: amount })
  }

  get(labels: Record<L, string> = {} as Record<L, string>): number {
    return this.values.get(keyOf(this.labelNames, labels))?.value ?? 0
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`]
    for (const { labels, value } of this.values.values()) lines.push(`${this.name}${labelText(labels)} ${numberText(value)}`)
    return lines.join('\n')
  }
}

export class Histogram<L extends string = never> implements Metric {
  private readonly series = new Map<string, { labels: Labels, counts: number[], sum: number, count: number }>()
  constructor(readonly name: string, readonly help: string, readonly buckets: readonly number[], readonly labelNames: readonly L[] = []) {}

  observe(labels: Record<L, string>, value: number) {
    const key = keyOf(this.labelNames, labels)
    let entry = this.series.get(key)
    if (!entry) this.series.set(key, entry = { labels: { ...labels }, counts: this.buckets.map(() => 0), sum: 0, count: 0 })
    this.buckets.forEach((bound, index) => {
      if (value <= bound) entry.counts[index]!++
    })
    entry.sum += value
    entry.count++
  }

  /** Count and sum of one series (tests, the benchmark). */
  get(labels: Record<L, string> = {} as Record<L, string>): { count: number, sum: number } {
    const entry = this.series.get(keyOf(this.labelNames, labels))
    return { count: entry?.count ?? 0, sum: entry?.sum ?? 0 }
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`]
    for (const { labels, counts, sum, count } of this.series.values()) {
      this.buckets.forEach((bound, index) => lines.push(`${this.name}_bucket${labelText({ ...labels, le: numberText(bound) })} ${counts[index]}`))
      lines.push(`${this.name}_bucket${labelText({ ...labels, le: '+Inf' })} ${count}`)
      lines.push(`${this.name}_sum${labelText(labels)} ${numberText(sum)}`)
      lines.push(`${this.name}_count${labelText(labels)} ${count}`)
    }
    return lines.join('\n')
  }
}

/** A value read when scraped (queue lengths, database counts). */
export class Gauge implements Metric {
  constructor(readonly name: string, readonly help: string, private readonly read: () => number | Promise<number>) {}

  async value(): Promise<number> {
    return this.read()
  }

  render(): string {
    throw new Error('Gauge values are read asynchronously: use renderMetrics()')
  }
}

export function createMetrics(readBacklog: () => number | Promise<number> = () => 0) {
  return {
    httpRequests: new Counter('gpm_http_requests_total', 'HTTP requests answered, by route pattern, method and status.', ['route', 'method', 'status']),
    httpDuration: new Histogram('gpm_http_request_duration_seconds', 'Time to answer an HTTP request, by route pattern.',
      [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], ['route']),
    cacheRequests: new Counter('gpm_cache_requests_total', 'Requests to routes behind Nitro\'s cache: hit (fresh entry), stale (served while refreshed), miss (rendered).', ['result']),
    publishToLive: new Histogram('gpm_publish_to_live_seconds', 'From a Sanity webhook received to its routes refreshed with the new content.',
      [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300]),
    outboxBacklog: new Gauge('gpm_outbox_backlog', 'Deliveries waiting: rebuild requests, publish-log writes and outbox rows pending.', readBacklog),
  }
}

export type Metrics = ReturnType<typeof createMetrics>

/** The whole registry in Prometheus' text format. */
export async function renderMetrics(metrics: Metrics): Promise<string> {
  const blocks: string[] = []
  for (const metric of Object.values(metrics)) {
    if (metric instanceof Gauge) {
      let value: number
      try {
        value = await metric.value()
      }
      catch {
        // An unreadable source (database down) must not take /metrics down with it.
        value = Number.NaN
      }
      blocks.push(`# HELP ${metric.name} ${metric.help}\n# TYPE ${metric.name} gauge\n${metric.name} ${numberText(value)}`)
    }
    else {
      blocks.push(metric.render())
    }
  }
  return `${blocks.join('\n')}\n`
}
