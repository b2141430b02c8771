/**
 * Monitoring configuration of the server stacks, checked offline (no
 * Prometheus, promtool or Grafana here): structure of the alert rules and the
 * dashboard, references between Prometheus, its targets, Alertmanager and the
 * compose files, and the metric names the app must expose (issue 5) written
 * down in the runbook.
 */
import { describe, expect, it } from 'vitest'
import { loadRepoYaml, readRepoFile } from './helpers'

type Rule = { alert?: string, expr?: unknown, for?: string, labels?: Record<string, string>, annotations?: Record<string, string> }
type RuleFile = { groups?: Array<{ name?: string, rules?: Rule[] }> }
type Panel = { id: number, type: string, title: string, datasource?: { type?: string, uid?: string }, gridPos: { x: number, y: number, w: number, h: number }, targets?: Array<{ expr?: string, refId?: string }> }
type Dashboard = { uid: string, title: string, panels: Panel[] }

/** Brackets and quotes balance in a PromQL expression (promtool is not available offline). */
function unbalanced(expression: string): boolean {
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' }
  const stack: string[] = []
  let quote = ''
  for (const char of expression) {
    if (quote) {
      if (char === quote) quote = ''
      continue
    }
    if (char === '"' || char === '\'') quote = char
    else if ('([{'.includes(char)) stack.push(char)
    else if (char in pairs && stack.pop() !== pairs[char]) return true
  }
  return stack.length > 0 || quote !== ''
}

function alertRuleProblems(file: RuleFile): string[] {
  const problems: string[] = []
  if (!Array.isArray(file.groups) || file.groups.length === 0) return ['no rule groups']
  for (const group of file.groups) {
    if (!group.name) problems.push('a group has no name')
    for (const rule of group.rules ?? []) {
      const name = rule.alert ?? '(unnamed)'
      if (!rule.alert || !/^[A-Z][A-Za-z0-9]+$/.test(rule.alert)) problems.push(`${name}: alert name`)
      if (typeof rule.expr !== 'string' || rule.expr.trim() === '' || unbalanced(rule.expr)) problems.push(`${name}: expr`)
      if (rule.for !== undefined && !/^\d+[smhd]$/.test(rule.for)) problems.push(`${name}: for`)
      if (!['warning', 'critical'].includes(rule.labels?.severity ?? '')) problems.push(`${name}: severity`)
      if (!rule.annotations?.summary) problems.push(`${name}: summary`)
    }
  }
  return problems
}

function dashboardProblems(dashboard: Dashboard, datasourceUid: string): string[] {
  const problems: string[] = []
  const ids = new Set<number>()
  for (const panel of dashboard.panels) {
    if (ids.has(panel.id)) problems.push(`duplicate panel id ${panel.id}`)
    ids.add(panel.id)
    if (panel.gridPos.x + panel.gridPos.w > 24) problems.push(`${panel.title}: wider than the grid`)
    if (panel.type === 'row') continue
    if (panel.datasource?.uid !== datasourceUid) problems.push(`${panel.title}: datasource`)
    if (!panel.targets?.length) problems.push(`${panel.title}: no query`)
    for (const target of panel.targets ?? []) {
      if (!target.expr || unbalanced(target.expr)) problems.push(`${panel.title}: query ${target.refId}`)
    }
  }
  return problems
}

const alerts = loadRepoYaml('docker/monitoring/alerts.yml') as RuleFile
const dashboard = JSON.parse(readRepoFile('docker/monitoring/grafana/dashboards/gpm-site.json')) as Dashboard
const datasources = loadRepoYaml('docker/monitoring/grafana/provisioning/datasources/prometheus.yml') as { datasources: Array<{ uid: string, url: string }> }
const prometheus = loadRepoYaml('docker/monitoring/prometheus.yml') as { rule_files: string[], scrape_configs: Array<{ job_name: string, static_configs?: Array<{ targets: string[] }>, dns_sd_configs?: Array<{ names: string[] }>, file_sd_configs?: Array<{ files: string[] }>, relabel_configs?: Array<{ replacement?: string }> }>, alerting: { alertmanagers: Array<{ static_configs: Array<{ targets: string[] }> }> } }
const monitoringCompose = readRepoFile('docker/compose.monitoring.yml')

describe('alert rules', () => {
  const rules = (alerts.groups ?? []).flatMap(group => group.rules ?? [])

  it('are well formed', () => {
    expect(alertRuleProblems(alerts)).toEqual([])
  })

  it('cover site down, 5xx rate, backup age and certificate expiry', () => {
    expect(rules.map(rule => rule.alert)).toEqual(expect.arrayContaining(['SiteDown', 'High5xxRate', 'BackupTooOld', 'CertificateExpiresSoon']))
    expect(rules.find(rule => rule.alert === 'SiteDown')?.labels?.severity).toBe('critical')
  })

  it('refuses a broken rule file', () => {
    expect(alertRuleProblems({ groups: [{ name: 'broken', rules: [
      { alert: 'site down', expr: 'probe_success{job="blackbox-site" == 0', for: 'two minutes', labels: {}, annotations: {} },
      { alert: 'NoExpr', labels: { severity: 'critical' }, annotations: { summary: 'x' } },
    ] }] })).toEqual([
      'site down: alert name', 'site down: expr', 'site down: for', 'site down: severity', 'site down: summary',
      'NoExpr: expr',
    ])
    expect(alertRuleProblems({})).toEqual(['no rule groups'])
  })
})

describe('Prometheus', () => {
  it('loads the alert rules the compose file mounts, and sends alerts to Alertmanager', () => {
    expect(prometheus.rule_files).toEqual(['/etc/prometheus/alerts.yml'])
    expect(monitoringCompose).toContain('./monitoring/alerts.yml:/etc/prometheus/alerts.yml:ro')
    expect(prometheus.alerting.alertmanagers[0]!.static_configs[0]!.targets).toEqual(['alertmanager:9093'])
  })

  it('scrapes Traefik, every app release (/metrics), the host and the public site', () => {
    const jobs = Object.fromEntries(prometheus.scrape_configs.map(job => [job.job_name, job]))
    expect(jobs.traefik?.static_configs?.[0]?.targets).toEqual(['traefik:8082'])
    expect(jobs.app?.dns_sd_configs?.[0]?.names).toEqual(['gpm-app'])
    expect(readRepoFile('docker/compose.app.yml')).toContain('aliases: [gpm-app]')
    expect(jobs.node?.static_configs?.[0]?.targets).toEqual(['node-exporter:9100'])
    expect(jobs['blackbox-site']?.file_sd_configs?.[0]?.files).toEqual(['/etc/prometheus/probes.yml'])
    expect(jobs['blackbox-site']?.relabel_configs?.at(-1)?.replacement).toBe('blackbox:9115')
  })

  it.each(['dev', 'test', 'prod'])('%s probes its own public host over HTTPS', (environment) => {
    const host = readRepoFile(`docker/${environment}/.env.example`).match(/^SITE_HOST=(.+)$/m)?.[1]
    const probes = loadRepoYaml(`docker/${environment}/probes.yml`) as Array<{ targets: string[] }>
    expect(probes[0]!.targets).toEqual([`https://${host}/healthz`, `https://${host}/`])
  })
})

describe('Alertmanager', () => {
  it('routes every alert to a defined receiver whose URL is the compose secret', () => {
    const config = loadRepoYaml('docker/monitoring/alertmanager.yml') as { route: { receiver: string, routes?: Array<{ receiver?: string }> }, receivers: Array<{ name: string, slack_configs?: Array<{ api_url_file: string }> }> }
    const names = config.receivers.map(receiver => receiver.name)
    for (const receiver of [config.route.receiver, ...(config.route.routes ?? []).map(route => route.receiver)]) expect(names).toContain(receiver)
    expect(config.receivers[0]!.slack_configs?.[0]?.api_url_file).toBe('/run/secrets/alert_webhook_url')
    expect(monitoringCompose).toMatch(/alert_webhook_url:\n\s+environment: ALERT_WEBHOOK_URL/)
  })
})

describe('Grafana dashboard', () => {
  it('is well formed and queries the provisioned Prometheus', () => {
    expect(datasources.datasources[0]).toMatchObject({ uid: 'prometheus', url: 'http://prometheus:9090' })
    expect(dashboardProblems(dashboard, datasources.datasources[0]!.uid)).toEqual([])
  })

  it('shows traffic, errors, cache hit rate and publish-to-live', () => {
    const titles = dashboard.panels.map(panel => panel.title)
    expect(titles).toEqual(expect.arrayContaining(['Requests per second by status', '5xx error ratio', 'Edge cache hit rate', 'Publish to live']))
  })

  it('refuses a broken dashboard', () => {
    const broken: Dashboard = { uid: 'x', title: 'x', panels: [
      { id: 1, type: 'timeseries', title: 'Traffic', gridPos: { x: 12, y: 0, w: 16, h: 8 }, datasource: { uid: 'influx' }, targets: [{ refId: 'A', expr: 'sum(rate(x[5m])' }] },
      { id: 1, type: 'stat', title: 'Empty', gridPos: { x: 0, y: 8, w: 4, h: 4 }, datasource: { uid: 'prometheus' } },
    ] }
    expect(dashboardProblems(broken, 'prometheus')).toEqual([
      'Traffic: wider than the grid', 'Traffic: datasource', 'Traffic: query A',
      'duplicate panel id 1', 'Empty: no query',
    ])
  })
})

describe('metrics contract with the app (issue 5)', () => {
  it('documents in the runbook every gpm_* metric the dashboard and alerts read', () => {
    const expressions = [
      ...dashboard.panels.flatMap(panel => (panel.targets ?? []).map(target => target.expr ?? '')),
      ...(alerts.groups ?? []).flatMap(group => (group.rules ?? []).map(rule => String(rule.expr))),
    ].join('\n')
    const used = new Set([...expressions.matchAll(/\b(gpm_[a-z_]+?)(?:_bucket|_count|_sum)?\b/g)].map(match => match[1]!))
    const runbook = readRepoFile('docs/runbook.md')
    expect(used.size).toBeGreaterThan(5)
    expect([...used].filter(name => !runbook.includes(`\`${name}\``))).toEqual([])
  })
})
