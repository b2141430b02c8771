// Adds up Vitest's and Playwright's JSON reports into one closing line.
import { readFileSync } from 'node:fs'

interface VitestReport { numPassedTests: number, numFailedTests: number, numPendingTests: number }
interface PlaywrightReport { stats: { expected: number, unexpected: number, flaky: number, skipped: number } }

const read = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T
const vitest = read<VitestReport>('.cache/reports/vitest.json')
const playwright = read<PlaywrightReport>('.cache/reports/playwright.json')

const passed = vitest.numPassedTests + playwright.stats.expected + playwright.stats.flaky
const failed = vitest.numFailedTests + playwright.stats.unexpected
const skipped = vitest.numPendingTests + playwright.stats.skipped
console.log(`unit: ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed`)
console.log(`e2e: ${playwright.stats.expected + playwright.stats.flaky} passed, ${playwright.stats.unexpected} failed`)
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exitCode = failed > 0 ? 1 : 0
