import { defineField, defineType } from 'sanity'
import { subtitle } from '../preview'

export const newsletterSignupType = defineType({
  name: 'newsletterSignup',
  title: 'Inscription à la lettre d’information',
  type: 'object',
  fields: [
    defineField({
      name: 'heading',
      title: 'Titre',
      type: 'string',
      description: 'Titre de l’encart (« Recevoir nos actualités »). Facultatif.',
    }),
    defineField({
      name: 'intro',
      title: 'Introduction',
      type: 'text',
      rows: 2,
      description: 'Ce que contient la lettre et à quel rythme elle est envoyée. Facultatif.',
    }),
  ],
  preview: {
    select: { heading: 'heading', intro: 'intro' },
    prepare({ heading, intro }) {
      return { title: heading || 'Lettre d’information', subtitle: subtitle('Lettre d’information', intro) }
    },
  },
})
