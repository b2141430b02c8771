/**
 * bench:web — builds the site, starts the production server and runs
 * Lighthouse (mobile preset, Debian Chromium) several times on each page
 * type, then prints a markdown table of the medians next to the targets.
 *
 *   npm run bench:web                 # build, then 3 runs per page type
 *   npm run bench:web -- --no-build   # reuse .output
 *   BENCH_RUNS=5 npm run bench:web
 *
 * Figures, not assertions: these machines are shared and noisy.
 */
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { launch } from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { waitForServer } from './helpers.ts'

const PORT = Number(process.env.BENCH_PORT ?? 3200)
const ORIGIN = `http://127.0.0.1:${PORT}`
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const PAGES: [string, string][] = [
  ['home', '/'],
  ['page', '/a-propos'],
  ['formation list', '/formations'],
  ['formation detail', '/formations/prevention-secours-civiques-psc1'],
  ['adhésion', '/adhesion'],
  ['news post', '/actualites/calendrier-2027'],
  ['404', '/page-qui-n-existe-pas'],
]

interface Sample {
  performance: number
  accessibility: number
  bestPractices: number
  seo: number
  lcp: number
  tbt: number
  cls: number
  jsBytes: number
  totalBytes: number
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

// Measured as production runs it: indexable, with its canonical origin.
const server = spawn(process.execPath, ['.output/server/index.mjs'], {
  env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', NUXT_PUBLIC_SITE_ENV: 'production', NUXT_PUBLIC_SITE_URL: ORIGIN },
  stdio: ['ignore', 'ignore', 'inherit'],
})
const chrome = await launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
})

const rows: { name: string, path: string, sample: Sample }[] = []
try {
  await waitForServer(`${ORIGIN}/robots.txt`, server)
  for (const [name, path] of PAGES) {
    const samples: Sample[] = []
    for (let run = 0; run < RUNS; run++) {
      // The 404 page is measured too: Lighthouse audits it only when told to ignore the status.
      const result = await lighthouse(`${ORIGIN}${path}`, { port: chrome.port, output: 'json', logLevel: 'error' }, name === '404' ? { extends: 'lighthouse:default', settings: { ignoreStatusCode: true } } : undefined)
      if (!result) throw new Error(`lighthouse returned nothing for ${path}`)
      const { categories, audits } = result.lhr
      const requests = (audits['network-requests']?.details as { items?: { resourceType?: string, transferSize?: number }[] } | undefined)?.items ?? []
      samples.push({
        performance: categories.performance?.score ?? 0,
        accessibility: categories.accessibility?.score ?? 0,
        bestPractices: categories['best-practices']?.score ?? 0,
        seo: categories.seo?.score ?? 0,
        lcp: audits['largest-contentful-paint']?.numericValue ?? 0,
        tbt: audits['total-blocking-time']?.numericValue ?? 0,
        cls: audits['cumulative-layout-shift']?.numericValue ?? 0,
        jsBytes: requests.filter(request => request.resourceType === 'Script').reduce((sum, request) => sum + (request.transferSize ?? 0), 0),
        totalBytes: audits['total-byte-weight']?.numericValue ?? 0,
      })
      // Failed audits of the last run explain any score under 1.
      if (run === RUNS - 1) {
        const failing = Object.values(audits).filter(audit => audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode === 'binary').map(audit => audit.id)
        if (failing.length) console.error(`${path}: failing audits: ${failing.join(', ')}`)
      }
    }
    const pick = (key: keyof Sample) => median(samples.map(sample => sample[key]))
    rows.push({ name, path, sample: { performance: pick('performance'), accessibility: pick('accessibility'), bestPractices: pick('bestPractices'), seo: pick('seo'), lcp: pick('lcp'), tbt: pick('tbt'), cls: pick('cls'), jsBytes: pick('jsBytes'), totalBytes: pick('totalBytes') } })
    console.error(`measured ${path} (${RUNS} runs)`)
  }
}
finally {
  await chrome.kill()
  server.kill()
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const table = [
  `Lighthouse ${RUNS} runs per page, mobile preset, medians (${new Date().toISOString().slice(0, 10)})`,
  '',
  '| page type | path | perf | a11y | best pr. | SEO | LCP | TBT | CLS | JS (gzip) | total |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
  ...rows.map(({ name, path, sample: s }) => `| ${name} | ${path} | ${s.performance.toFixed(2)} | ${s.accessibility.toFixed(2)} | ${s.bestPractices.toFixed(2)} | ${s.seo.toFixed(2)} | ${(s.lcp / 1000).toFixed(2)} s | ${Math.round(s.tbt)} ms | ${s.cls.toFixed(3)} | ${kb(s.jsBytes)} | ${kb(s.totalBytes)} |`),
  '',
  'Targets: perf ≥ 0.99; a11y, best practices, SEO = 1.00; LCP ≤ 1.2 s; CLS ≤ 0.01; JS ≤ 20 KB on content pages.',
].join('\n')
console.log(table)
mkdirSync('bench/results', { recursive: true })
writeFileSync('bench/results/web.md', `${table}\n`)
