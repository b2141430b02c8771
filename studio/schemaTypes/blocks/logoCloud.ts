import { defineArrayMember, defineField, defineType } from 'sanity'
import { countLabel, subtitle } from '../preview'

export const logoCloudType = defineType({
  name: 'logoCloud',
  title: 'Logos partenaires',
  type: 'object',
  fields: [
    defineField({
      name: 'heading',
      title: 'Titre',
      type: 'string',
      description: 'Titre de la section (« Ils nous soutiennent »). Facultatif.',
    }),
    defineField({
      name: 'logos',
      title: 'Logos',
      type: 'array',
      description: 'Partenaires et financeurs, dans l’ordre d’affichage.',
      of: [defineArrayMember({ type: 'partnerLogo' })],
      validation: rule => rule.min(1),
    }),
  ],
  preview: {
    select: { heading: 'heading', logos: 'logos', media: 'logos.0.logo' },
    prepare({ heading, logos, media }) {
      return {
        title: heading || 'Logos partenaires',
        subtitle: subtitle('Partenaires', countLabel(logos, { none: 'aucun logo', one: 'logo', many: 'logos' })),
        media,
      }
    },
  },
})
