import { defineField, defineType } from 'sanity'
import { firstBlockText } from '../preview'

export const faqItemType = defineType({
  name: 'faqItem',
  title: 'Question',
  type: 'object',
  fields: [
    defineField({
      name: 'question',
      title: 'Question',
      type: 'string',
      description: 'La question telle qu’un visiteur la poserait (« Faut-il être adhérent pour suivre une formation ? »).',
    }),
    defineField({
      name: 'answer',
      title: 'Réponse',
      type: 'blockContent',
      description: 'Réponse affichée quand on déplie la question. Restez bref ; ajoutez un lien pour aller plus loin.',
    }),
  ],
  preview: {
    select: { question: 'question', answer: 'answer' },
    prepare({ question, answer }) {
      return { title: question, subtitle: firstBlockText(answer) }
    },
  },
})
