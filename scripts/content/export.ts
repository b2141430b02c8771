/**
 * `npm run content:export`: the dataset of the connected Sanity project,
 * drafts and assets included, written in the repository's content/ format
 * (data.ndjson, assets.json, images/, files/ — `sanity dataset export`
 * unpacked), or kept as Sanity's archive when --out ends in .tar.gz.
 *
 *   npm run content:export -- [--dataset <name>] [--out <folder | file.tar.gz>]
 *
 * Needs SANITY_STUDIO_PROJECT_ID and SANITY_AUTH_TOKEN (or `sanity login`);
 * without them it says so and exits 1 before any network call.
 */
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import {
  cliConfigPath,
  connectedProject,
  exitOnUsageError,
  exportCommand,
  findExportRoot,
  installExport,
  parseExportArgs,
  ROOT,
  run,
  runSanityCli,
} from './lib/sanity-cli.ts'

function prepare() {
  try {
    const options = parseExportArgs(process.argv.slice(2), process.env)
    return { options, project: connectedProject('content:export', process.env, cliConfigPath(process.env)) }
  }
  catch (error) {
    exitOnUsageError(error)
  }
}

const { options, project } = prepare()

const work = await mkdtemp(join(tmpdir(), 'gpm-content-export-'))
try {
  const archive = join(work, `${options.dataset}.tar.gz`)
  console.log(`Exporting dataset "${options.dataset}" of project ${project.projectId}…`)
  await runSanityCli(exportCommand(project, options.dataset, archive))
  if (options.out.endsWith('.tar.gz')) {
    await mkdir(dirname(options.out), { recursive: true })
    await copyFile(archive, options.out)
    console.log(`Archive written to ${relative(ROOT, options.out) || options.out}.`)
  }
  else {
    const unpacked = join(work, 'unpacked')
    await mkdir(unpacked)
    await run('tar', ['-xzf', archive, '-C', unpacked])
    const documents = await installExport(await findExportRoot(unpacked), options.out)
    console.log(`${documents} documents written to ${relative(ROOT, options.out) || options.out}/ (data.ndjson, assets.json, images/, files/).`)
    console.log('Check them with `npm run content:verify && npm run content:check` before committing.')
  }
}
finally {
  await rm(work, { recursive: true, force: true })
}
