import { frFRLocale } from '@sanity/locale-fr-fr'
import { visionTool } from '@sanity/vision'
import { defineConfig } from 'sanity'
import type { DocumentActionComponent } from 'sanity'
import { structureTool } from 'sanity/structure'
import { apiVersion, dataset, projectId } from './env'
import { presentation } from './presentation'
import { schemaTypes } from './schemaTypes'
import { SINGLETON_TYPE_NAMES } from './schemaTypes/singletons'
import { defaultDocumentNode, structure } from './structure'
import { withWorkflowActions, withWorkflowBadge } from './workflow'

/** Actions a singleton must not offer: there is exactly one, always published. */
const SINGLETON_FORBIDDEN_ACTIONS = new Set(['duplicate', 'delete', 'unpublish', 'unpublishVersion'])

function isAllowedOnSingleton(action: DocumentActionComponent): boolean {
  return !action.action || !SINGLETON_FORBIDDEN_ACTIONS.has(action.action)
}

export default defineConfig({
  name: 'default',
  title: 'GPM — Studio',
  projectId,
  dataset,
  plugins: [
    // Tool names are not translated by the French locale: the editors' words instead.
    structureTool({ title: 'Contenu', structure, defaultDocumentNode }),
    presentation(),
    visionTool({ defaultApiVersion: apiVersion }),
    frFRLocale(),
  ],
  schema: {
    types: schemaTypes,
    // Singletons are created under their fixed id from the structure, never from a template.
    templates: templates => templates.filter(template => !SINGLETON_TYPE_NAMES.has(template.schemaType)),
  },
  document: {
    newDocumentOptions: options => options.filter(option => !SINGLETON_TYPE_NAMES.has(option.templateId)),
    actions: (actions, { schemaType }) =>
      withWorkflowActions(SINGLETON_TYPE_NAMES.has(schemaType) ? actions.filter(isAllowedOnSingleton) : actions, schemaType),
    badges: (badges, { schemaType }) => withWorkflowBadge(badges, schemaType),
  },
})
