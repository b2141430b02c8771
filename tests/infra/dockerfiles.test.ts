/**
 * The Dockerfiles: syntax and instruction checks by dockerfile-utils (the
 * linter of VS Code's Docker support), then the image rules of issue 6 read
 * from the instructions: pinned bases, a non-root final user, a health check,
 * the site's runtime stage holding only the server bundle and the dataset.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { validate } from 'dockerfile-utils'
import { afterAll, describe, expect, it } from 'vitest'
import { makeTempDir, readRepoFile, removeTempDirs } from './helpers'

afterAll(removeTempDirs)

const dockerfiles = ['Dockerfile', 'studio/Dockerfile', 'docker/backup/Dockerfile']

type Instruction = { keyword: string, args: string }
type Stage = { from: string, name?: string, instructions: Instruction[] }

/** Instructions with continuation lines joined and comments dropped. */
function instructions(text: string): Instruction[] {
  const logical: string[] = []
  let current = ''
  for (const line of text.split('\n')) {
    if (/^\s*#/.test(line) && current === '') continue
    if (/^\s*#/.test(line)) continue
    if (line.trimEnd().endsWith('\\')) {
      current += line.trimEnd().slice(0, -1) + ' '
      continue
    }
    current += line
    if (current.trim()) logical.push(current.trim())
    current = ''
  }
  return logical.map((line) => {
    const [keyword, ...rest] = line.split(/\s+/)
    return { keyword: keyword!.toUpperCase(), args: rest.join(' ') }
  })
}

/** Stages, with global ARG defaults substituted into FROM. */
function stages(text: string): Stage[] {
  const globals: Record<string, string> = {}
  const result: Stage[] = []
  for (const instruction of instructions(text)) {
    if (instruction.keyword === 'FROM') {
      const parts = instruction.args.split(/\s+/).filter(part => !part.startsWith('--'))
      const from = parts[0]!.replace(/\$\{(\w+)\}/g, (_, name: string) => globals[name] ?? `\${${name}}`)
      result.push({ from, name: parts[2], instructions: [] })
    }
    else if (result.length === 0 && instruction.keyword === 'ARG') {
      const [name, value = ''] = instruction.args.split('=')
      globals[name!] = value
    }
    else result.at(-1)?.instructions.push(instruction)
  }
  return result
}

/** Breaches of the image rules ('' list when the Dockerfile follows them). */
function imageRuleBreaches(text: string): string[] {
  const all = stages(text)
  const stageNames = new Set(all.map(stage => stage.name).filter(Boolean))
  const breaches: string[] = []
  for (const stage of all) {
    if (stageNames.has(stage.from)) continue
    if (!/^[\w./-]+:[\w.-]+$/.test(stage.from) || stage.from.endsWith(':latest')) breaches.push(`base image not pinned: ${stage.from}`)
  }
  const final = all.at(-1)
  const users = final?.instructions.filter(instruction => instruction.keyword === 'USER') ?? []
  const user = users.at(-1)?.args
  if (!user || user === 'root' || user === '0' || user.startsWith('0:')) breaches.push(`final stage runs as ${user ?? 'root (no USER)'}`)
  if (!final?.instructions.some(instruction => instruction.keyword === 'HEALTHCHECK')) breaches.push('no HEALTHCHECK in the final stage')
  return breaches
}

function diagnostics(text: string) {
  return validate(text).map(diagnostic => `${diagnostic.range.start.line + 1}: ${diagnostic.message}`)
}

describe('dockerfile-utils', () => {
  it.each(dockerfiles)('%s has no diagnostic', (path) => {
    expect(diagnostics(readRepoFile(path))).toEqual([])
  })

  it('refuses a broken Dockerfile', () => {
    const broken = join(makeTempDir('dockerfile'), 'Dockerfile')
    writeFileSync(broken, 'FROM node:22-alpine\nCOPYY package.json ./\nHEALTHCHECK --interval=often CMD true\nUSER\n')
    expect(diagnostics(readFileSync(broken, 'utf8'))).toEqual([
      '2: Unknown instruction: COPYY',
      '3: time: invalid duration often',
      '4: Instruction has no arguments',
    ])
  })
})

describe('image rules', () => {
  it.each(dockerfiles)('%s: pinned bases, non-root final user, health check', (path) => {
    expect(imageRuleBreaches(readRepoFile(path))).toEqual([])
  })

  it('reports an image that runs as root from an unpinned base without a health check', () => {
    expect(imageRuleBreaches('FROM node AS build\nRUN true\nFROM node:latest\nCMD ["node"]\n')).toEqual([
      'base image not pinned: node',
      'base image not pinned: node:latest',
      'final stage runs as root (no USER)',
      'no HEALTHCHECK in the final stage',
    ])
  })
})

describe('the site image', () => {
  const all = stages(readRepoFile('Dockerfile'))
  const byName = (name: string) => all.find(stage => stage.name === name)!

  it('is multi-stage: dependencies, build, migrations, runtime on Node 22 Alpine', () => {
    expect(all.map(stage => stage.name)).toEqual(['deps', 'build', 'migrate', 'runtime'])
    expect(byName('runtime').from).toBe('node:22-alpine')
    expect(byName('deps').from).toBe('node:22-alpine')
  })

  it('installs dependencies from the lockfile alone, in their own layer', () => {
    const deps = byName('deps').instructions
    const copies = deps.filter(instruction => instruction.keyword === 'COPY').map(instruction => instruction.args)
    expect(copies).toEqual(['package.json package-lock.json ./', 'studio/package.json studio/'])
    const install = deps.find(instruction => instruction.keyword === 'RUN')!.args
    expect(install).toContain('npm ci --include=optional')
    // sharp's Alpine (musl) binary must load, or the build stops here.
    expect(install).toContain('node -e "require(\'sharp\')"')
  })

  it('ships only the server bundle and the embedded dataset, runs as node, checks /healthz', () => {
    const runtime = byName('runtime').instructions
    expect(runtime.filter(instruction => instruction.keyword === 'COPY').map(instruction => instruction.args)).toEqual([
      '--from=build /app/.output ./.output',
      '--from=build /app/content ./content',
    ])
    expect(runtime.find(instruction => instruction.keyword === 'USER')?.args).toBe('node')
    expect(runtime.find(instruction => instruction.keyword === 'HEALTHCHECK')?.args).toContain('/healthz')
    expect(runtime.at(-1)).toEqual({ keyword: 'CMD', args: '["node", ".output/server/index.mjs"]' })
  })

  it('the lockfile carries sharp\'s musl binaries for the Alpine image', () => {
    const lock = JSON.parse(readRepoFile('package-lock.json')) as { packages: Record<string, { libc?: string[] }> }
    expect(lock.packages['node_modules/@img/sharp-linuxmusl-x64']?.libc).toEqual(['musl'])
    expect(lock.packages['node_modules/@img/sharp-libvips-linuxmusl-x64']?.libc).toEqual(['musl'])
  })

  it('keeps secrets and local build output out of the build context', () => {
    const ignored = readRepoFile('.dockerignore').split('\n').map(line => line.trim())
    expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', '.output', '.nuxt', '.env', '.env.*', '!.env.example']))
  })
})
