import { defineField, defineType } from 'sanity'
import { imageField } from '../fields'

export const partnerLogoType = defineType({
  name: 'partnerLogo',
  title: 'Logo partenaire',
  type: 'object',
  fields: [
    defineField({
      name: 'name',
      title: 'Nom du partenaire',
      type: 'string',
      description: 'Nom de l’organisation partenaire.',
    }),
    imageField('logo', 'Logo', {
      description: 'Logo sur fond transparent (SVG ou PNG). Texte alternatif : le nom du partenaire.',
    }),
    defineField({
      name: 'url',
      title: 'Site du partenaire',
      type: 'url',
      description: 'Adresse du site du partenaire (https://…) : le logo devient un lien. Facultatif.',
      validation: rule => rule.uri({ scheme: ['https'] }),
    }),
  ],
  preview: {
    select: { name: 'name', url: 'url', media: 'logo' },
    prepare({ name, url, media }) {
      return { title: name, subtitle: url, media }
    },
  },
})
