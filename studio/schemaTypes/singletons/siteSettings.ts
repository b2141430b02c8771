import { defineArrayMember, defineField, defineType } from 'sanity'
import { checkHelloAssoOrganization } from '../../../shared/content-rules'
import { GROUPS, imageField, seoField } from '../fields'

export const siteSettingsType = defineType({
  name: 'siteSettings',
  title: 'Paramètres du site',
  type: 'document',
  groups: GROUPS,
  fields: [
    defineField({
      name: 'title',
      title: 'Nom du site',
      type: 'string',
      description: 'Nom de l’association tel qu’il apparaît dans l’en-tête, le pied de page et l’onglet du navigateur.',
      group: 'content',
    }),
    defineField({
      name: 'tagline',
      title: 'Slogan',
      type: 'string',
      description: 'Phrase courte qui accompagne le nom (« Former pour mieux secourir »).',
      group: 'content',
    }),
    defineField({
      name: 'description',
      title: 'Description du site',
      type: 'text',
      rows: 3,
      description: 'Présentation de l’association en deux phrases, utilisée quand une page n’a pas sa propre description.',
      group: 'content',
    }),
    defineField({
      name: 'contact',
      title: 'Coordonnées',
      type: 'object',
      description: 'Moyens de joindre l’association, affichés dans le pied de page et la page contact.',
      group: 'content',
      options: { collapsible: true, collapsed: false },
      fields: [
        defineField({
          name: 'email',
          title: 'Adresse e-mail',
          type: 'string',
          description: 'Adresse de contact publique (contact@…).',
          validation: rule => rule.email(),
        }),
        defineField({
          name: 'phone',
          title: 'Téléphone',
          type: 'string',
          description: 'Numéro tel qu’il doit s’afficher (« 01 23 45 67 89 »).',
        }),
        defineField({
          name: 'address',
          title: 'Adresse postale',
          type: 'text',
          rows: 3,
          description: 'Adresse du siège, sur plusieurs lignes.',
        }),
      ],
    }),
    defineField({
      name: 'socialLinks',
      title: 'Réseaux sociaux',
      type: 'array',
      description: 'Profils de l’association sur les réseaux sociaux, dans l’ordre d’affichage.',
      group: 'content',
      of: [defineArrayMember({ type: 'socialLink' })],
    }),
    imageField('logo', 'Logo', {
      description: 'Logo de l’association (SVG ou PNG sur fond transparent). Texte alternatif : le nom de l’association.',
      group: 'media',
    }),
    defineField({
      name: 'helloAssoOrganization',
      title: 'Identifiant HelloAsso',
      type: 'string',
      description: 'Identifiant de l’association dans ses adresses HelloAsso, la partie après /associations/ (https://www.helloasso.com/associations/<identifiant>/…). Renseigné, il fait refuser les liens HelloAsso d’une autre association.',
      group: 'settings',
      validation: rule => rule.custom(checkHelloAssoOrganization),
    }),
    seoField(),
  ],
  preview: {
    select: { title: 'title', subtitle: 'tagline', media: 'logo' },
  },
})
