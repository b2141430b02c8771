import { defineArrayMember, defineField, defineType } from 'sanity'
import { countLabel, subtitle } from '../preview'

export const membershipTiersType = defineType({
  name: 'membershipTiers',
  title: 'Formules d’adhésion',
  type: 'object',
  fields: [
    defineField({
      name: 'heading',
      title: 'Titre',
      type: 'string',
      description: 'Titre au-dessus des formules (« Rejoindre l’association »). Facultatif.',
    }),
    defineField({
      name: 'intro',
      title: 'Introduction',
      type: 'text',
      rows: 3,
      description: 'Quelques mots sur ce que permet l’adhésion. Facultatif.',
    }),
    defineField({
      name: 'tiers',
      title: 'Formules',
      type: 'array',
      description: 'Formules à afficher, dans l’ordre voulu. Laissez vide pour afficher toutes les formules d’adhésion.',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'membership' }] })],
      validation: rule => rule.unique(),
    }),
  ],
  preview: {
    select: { heading: 'heading', tiers: 'tiers' },
    prepare({ heading, tiers }) {
      return {
        title: heading || 'Formules d’adhésion',
        subtitle: subtitle('Adhésion', countLabel(tiers, { none: 'toutes les formules', one: 'formule choisie', many: 'formules choisies' })),
      }
    },
  },
})
