import type { VisitorFormState } from '../shared/forms'

declare module 'h3' {
  interface H3EventContext {
    /** Set by server/middleware/visitor-forms.ts when a form post failed. */
    visitorForm?: VisitorFormState
    /** Set by server/plugins/preview.ts: a valid preview cookie, drafts are shown. */
    preview?: boolean
  }
}

export {}
