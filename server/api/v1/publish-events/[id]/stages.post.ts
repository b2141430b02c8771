import { z } from 'zod'
import { PIPELINE_STAGES } from '../../../../publish/publish-log'

const stageBody = z.object({
  stage: z.enum(PIPELINE_STAGES, { error: 'Étape inconnue : deployed, deploy_failed ou superseded.' }),
  environment: z.string().regex(/^[a-z][a-z0-9-]{0,30}$/, 'Environnement invalide (dev, test, prod…).'),
  release: z.string().min(1, 'Version déployée manquante.').max(300),
  runUrl: z.url({ protocol: /^https?$/, error: 'Adresse de l’exécution invalide.' }).max(500).optional(),
})

/**
 * The deployment pipeline reports a stage of a publish event
 * (docs/runbook.md, "Contract with the publish log"): bearer PUBLISH_LOG_TOKEN,
 * 201 when recorded, 404 for an unknown event.
 */
export default defineApiHandler(async (event) => {
  enforceRateLimit(event, 'publish-event-stages', { limit: 120, windowSeconds: 60 })
  requirePublishLogToken(event)
  const id = parseRecordId(getRouterParam(event, 'id'), 'Publication introuvable.')
  const body = await readValidatedBody(event, stageBody.parse)
  await recordPipelineStage(id, body)
  setResponseStatus(event, 201)
  return { publishEventId: id, stage: body.stage, environment: body.environment }
})
