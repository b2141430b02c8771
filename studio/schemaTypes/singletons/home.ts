import { defineField, defineType } from 'sanity'
import { GROUPS, seoField } from '../fields'
import { pageBuilderField } from '../pageBuilder'
import { countLabel, subtitle, workflowLabel } from '../preview'
import { workflowField } from '../workflow'

export const homeType = defineType({
  name: 'home',
  title: 'Page d’accueil',
  type: 'document',
  groups: GROUPS,
  fields: [
    defineField({
      name: 'title',
      title: 'Titre',
      type: 'string',
      description: 'Titre de la page d’accueil, utilisé dans l’onglet du navigateur et comme titre SEO par défaut.',
      group: 'content',
    }),
    pageBuilderField(),
    seoField(),
    workflowField(),
  ],
  preview: {
    select: { title: 'title', blocks: 'blocks', workflowState: 'workflow.state' },
    prepare({ title, blocks, workflowState }) {
      return {
        title: title || 'Page d’accueil',
        subtitle: subtitle(workflowLabel(workflowState), countLabel(blocks, { none: 'aucune section', one: 'section', many: 'sections' })),
      }
    },
  },
})
