import { defineField, defineType } from 'sanity'
import { imageArrayMember } from '../fields'
import { countLabel, subtitle } from '../preview'

export const imageGalleryType = defineType({
  name: 'imageGallery',
  title: 'Galerie d’images',
  type: 'object',
  fields: [
    defineField({
      name: 'heading',
      title: 'Titre',
      type: 'string',
      description: 'Titre au-dessus de la galerie. Facultatif.',
    }),
    defineField({
      name: 'images',
      title: 'Images',
      type: 'array',
      description: 'Photos de la galerie, dans l’ordre d’affichage. Chacune a un texte alternatif et, si utile, une légende.',
      of: [imageArrayMember()],
      options: { layout: 'grid' },
      validation: rule => rule.min(1),
    }),
  ],
  preview: {
    select: { heading: 'heading', images: 'images', media: 'images.0' },
    prepare({ heading, images, media }) {
      return {
        title: heading || 'Galerie d’images',
        subtitle: subtitle('Galerie', countLabel(images, { none: 'aucune image', one: 'image', many: 'images' })),
        media,
      }
    },
  },
})
