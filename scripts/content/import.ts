/**
 * `npm run content:import`: the content/ dataset (or another export) into a
 * dataset of the connected Sanity project, replacing documents with the same
 * ids. Refuses the `production` dataset unless --yes is given.
 *
 *   npm run content:import -- [--dataset <name>] [--source <folder | data.ndjson | file.tar.gz>] [--yes]
 *
 * Needs SANITY_STUDIO_PROJECT_ID and SANITY_AUTH_TOKEN with Editor rights (or
 * `sanity login`); without them it says so and exits 1 before any network call.
 */
import {
  checkImportTarget,
  cliConfigPath,
  connectedProject,
  exitOnUsageError,
  importCommand,
  parseImportArgs,
  runSanityCli,
} from './lib/sanity-cli.ts'

async function prepare() {
  try {
    const options = parseImportArgs(process.argv.slice(2), process.env)
    const project = connectedProject('content:import', process.env, cliConfigPath(process.env))
    checkImportTarget(options)
    return { options, project, args: await importCommand(project, options) }
  }
  catch (error) {
    exitOnUsageError(error)
  }
}

const { options, project, args } = await prepare()
console.log(`Importing ${options.source} into dataset "${options.dataset}" of project ${project.projectId} (documents with the same ids are replaced)…`)
await runSanityCli(args)
