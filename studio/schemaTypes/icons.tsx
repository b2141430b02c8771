import type { ReactNode } from 'react'

/*
 * The three link annotations of blockContent need distinct toolbar icons
 * (without one the button is blank). Drawn here because @sanity/icons is not
 * a declared dependency of the studio.
 */

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg width="1em" height="1em" viewBox="0 0 25 25" fill="none" stroke="currentColor" strokeWidth={1.2} aria-hidden="true">
      {children}
    </svg>
  )
}

export function ExternalLinkIcon() {
  return (
    <Icon>
      <path d="M12 7.5H7.5v10h10V13M14 5.5h5.5V11M19.5 5.5l-8 8" />
    </Icon>
  )
}

export function InternalLinkIcon() {
  return (
    <Icon>
      <path d="M10.5 14.5l4-4M11 9l1.5-1.5a2.83 2.83 0 0 1 4 4L15 13M14 16l-1.5 1.5a2.83 2.83 0 0 1-4-4L10 12" />
    </Icon>
  )
}

export function TicketIcon() {
  return (
    <Icon>
      <path d="M5.5 8.5h14V11a1.5 1.5 0 0 0 0 3v2.5h-14V14a1.5 1.5 0 0 0 0-3zM15 8.5v8" />
    </Icon>
  )
}
