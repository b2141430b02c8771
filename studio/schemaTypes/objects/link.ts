import { defineField, defineType } from 'sanity'
import { checkLinkTarget, checkSitePath } from '../../../shared/content-rules'
import { subtitle } from '../preview'

const LINK_TYPES = [
  { title: 'Contenu du site', value: 'internal' },
  { title: 'Chemin du site', value: 'path' },
  { title: 'Site externe', value: 'external' },
]

type LinkType = 'internal' | 'path' | 'external'

function linkTypeOf(parent: unknown): LinkType | undefined {
  return (parent as { linkType?: LinkType } | undefined)?.linkType
}

/** The target field of the chosen `linkType` is required (shared rule); the others are hidden. */
function requiredTarget(field: 'internal' | 'path' | 'url') {
  return (_value: unknown, context: { parent?: unknown }) => checkLinkTarget(context.parent, field)
}

export const linkType = defineType({
  name: 'link',
  title: 'Lien',
  type: 'object',
  fields: [
    defineField({
      name: 'label',
      title: 'Texte du lien',
      type: 'string',
      description: 'Texte cliquable, court et explicite (« Voir les formations », pas « Cliquez ici »).',
    }),
    defineField({
      name: 'linkType',
      title: 'Type de lien',
      type: 'string',
      description: 'Contenu du site : une page, formation ou actualité choisie dans la liste (le lien suit ses changements d’adresse). Chemin : une adresse du site comme /formations. Externe : un autre site.',
      options: { list: LINK_TYPES, layout: 'radio', direction: 'horizontal' },
      initialValue: 'internal',
    }),
    defineField({
      name: 'internal',
      title: 'Contenu lié',
      type: 'reference',
      description: 'Page, formation ou actualité vers laquelle pointe le lien.',
      to: [{ type: 'page' }, { type: 'formation' }, { type: 'post' }],
      hidden: ({ parent }) => linkTypeOf(parent) !== 'internal',
      validation: rule => rule.custom(requiredTarget('internal')),
    }),
    defineField({
      name: 'path',
      title: 'Chemin',
      type: 'string',
      description: 'Adresse d’une page du site sans le nom de domaine, commençant par « / » : /formations, /actualites, /adhesion.',
      hidden: ({ parent }) => linkTypeOf(parent) !== 'path',
      validation: rule => rule.custom((path, context) => {
        const missing = requiredTarget('path')(path, context)
        return missing === true ? checkSitePath(path) : missing
      }),
    }),
    defineField({
      name: 'url',
      title: 'Adresse externe',
      type: 'url',
      description: 'Adresse complète d’un autre site, commençant par https://.',
      hidden: ({ parent }) => linkTypeOf(parent) !== 'external',
      validation: rule => rule
        .uri({ scheme: ['https'] })
        .custom(requiredTarget('url')),
    }),
  ],
  preview: {
    select: {
      label: 'label',
      linkType: 'linkType',
      internalTitle: 'internal.title',
      path: 'path',
      url: 'url',
    },
    prepare({ label, linkType: kind, internalTitle, path, url }) {
      const target = { internal: internalTitle, path, external: url }[kind as LinkType]
      return {
        title: label || 'Lien sans texte',
        subtitle: subtitle(target ? `→ ${target}` : 'Destination à choisir'),
      }
    },
  },
})
