/**
 * shellcheck (Debian's binary) on every shell script of the repository.
 * It is a required tool: when missing, the test fails and says how to install it.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { findRepoFiles, makeTempDir, removeTempDirs, repoPath, requireBinary, run } from './helpers'

afterAll(removeTempDirs)

const scripts = [...findRepoFiles('scripts', /\.sh$/), ...findRepoFiles('docker', /\.sh$/)]

function shellcheck(path: string) {
  const binary = requireBinary('shellcheck', 'apt-get install shellcheck')
  // -x follows sourced files; severity "style" is the strictest level.
  return run(binary, ['--external-sources', '--severity=style', '--format=gcc', path])
}

describe('shellcheck', () => {
  it('finds the deployment and backup scripts', () => {
    expect(scripts).toEqual(expect.arrayContaining([
      'scripts/deploy/deploy.sh',
      'scripts/backup/backup.sh',
      'scripts/backup/restore.sh',
      'scripts/backup/schedule.sh',
    ]))
  })

  it.each(scripts)('%s is clean', (path) => {
    const result = shellcheck(repoPath(path))
    expect(result.error).toBeUndefined()
    expect(result.stdout + result.stderr).toBe('')
    expect(result.status).toBe(0)
  })

  it('refuses a broken script', () => {
    const broken = join(makeTempDir('shellcheck'), 'broken.sh')
    writeFileSync(broken, '#!/usr/bin/env bash\nrm -rf $TARGET_DIR/*\nif [ $# = 1 ]\n  echo "missing then"\nfi\n')
    const result = shellcheck(broken)
    expect(result.status).not.toBe(0)
    expect(result.stdout).toMatch(/SC2086|SC1010|SC1073|SC1049/)
  })

  it('fails with an installation hint when a required binary is missing', () => {
    expect(() => requireBinary('gpm-no-such-linter', 'apt-get install gpm-no-such-linter'))
      .toThrow('gpm-no-such-linter is not installed: the infrastructure tests need it (apt-get install gpm-no-such-linter).')
  })
})
