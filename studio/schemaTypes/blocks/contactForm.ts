import { defineArrayMember, defineField, defineType } from 'sanity'
import { subtitle } from '../preview'

export const contactFormType = defineType({
  name: 'contactForm',
  title: 'Formulaire de contact',
  type: 'object',
  fields: [
    defineField({
      name: 'heading',
      title: 'Titre',
      type: 'string',
      description: 'Titre au-dessus du formulaire (« Nous écrire »). Facultatif.',
    }),
    defineField({
      name: 'intro',
      title: 'Introduction',
      type: 'text',
      rows: 3,
      description: 'Quelques mots avant le formulaire (délai de réponse, autres moyens de contact). Facultatif.',
    }),
    defineField({
      name: 'subjects',
      title: 'Objets proposés',
      type: 'array',
      description: 'Choix proposés pour l’objet du message (« Formation », « Adhésion », « Partenariat »).',
      of: [defineArrayMember({ type: 'string' })],
      validation: rule => rule.unique(),
    }),
  ],
  preview: {
    select: { heading: 'heading', subjects: 'subjects' },
    prepare({ heading, subjects }) {
      return {
        title: heading || 'Formulaire de contact',
        subtitle: subtitle('Contact', Array.isArray(subjects) && subjects.join(', ')),
      }
    },
  },
})
