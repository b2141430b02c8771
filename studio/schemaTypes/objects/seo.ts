import { defineField, defineType } from 'sanity'
import { checkSeoDescriptionLength, checkSeoTitleLength } from '../../../shared/content-rules'
import { imageField } from '../fields'

export const seoType = defineType({
  name: 'seo',
  title: 'Référencement (SEO)',
  type: 'object',
  options: { collapsible: true, collapsed: false },
  fields: [
    defineField({
      name: 'title',
      title: 'Titre SEO',
      type: 'string',
      description: 'Titre affiché dans l’onglet du navigateur et dans les résultats de recherche (30 à 60 caractères). Vide : le titre du contenu est utilisé.',
      validation: rule => rule.custom(checkSeoTitleLength).warning(),
    }),
    defineField({
      name: 'description',
      title: 'Description SEO',
      type: 'text',
      rows: 3,
      description: 'Résumé affiché sous le titre dans les résultats de recherche et lors d’un partage (70 à 160 caractères). Vide : le résumé du contenu est utilisé.',
      validation: rule => rule.custom(checkSeoDescriptionLength).warning(),
    }),
    imageField('image', 'Image de partage', {
      description: 'Image montrée quand le lien est partagé sur les réseaux sociaux (format paysage, 1200 × 630 px conseillé). Vide : l’image principale du contenu, sinon celle du site.',
    }),
    defineField({
      name: 'noIndex',
      title: 'Ne pas référencer',
      type: 'boolean',
      description: 'Activé, la page reste accessible par son adresse mais les moteurs de recherche sont priés de ne pas l’indexer.',
      initialValue: false,
    }),
  ],
})
