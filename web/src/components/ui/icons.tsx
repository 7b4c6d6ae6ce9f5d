type IconProps = { className?: string };

/** A 20×20 solid icon in the text colour: a filled circle with the shape cut out of it. */
function SolidIcon({ className, d }: IconProps & { d: string }) {
  return (
    <svg className={className} viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
      <path fillRule="evenodd" d={d} clipRule="evenodd" />
    </svg>
  );
}

export const AlertIcon = ({ className }: IconProps) => (
  <SolidIcon
    className={className}
    d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm-.75-11.5a.75.75 0 0 1 1.5 0v4a.75.75 0 0 1-1.5 0v-4ZM10 15a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z"
  />
);

export const InfoIcon = ({ className }: IconProps) => (
  <SolidIcon
    className={className}
    d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm.75-10.5a.75.75 0 0 0-1.5 0v5a.75.75 0 0 0 1.5 0v-5ZM10 5a1 1 0 1 0 0 2 1 1 0 0 0 0-2Z"
  />
);

export const CheckIcon = ({ className }: IconProps) => (
  <SolidIcon
    className={className}
    d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm3.86-10.3a.75.75 0 0 0-1.22-.87l-3.3 4.6-1.8-1.8a.75.75 0 1 0-1.06 1.06l2.42 2.42a.75.75 0 0 0 1.14-.09l3.82-5.32Z"
  />
);

export function BrandMark({ className }: IconProps) {
  return (
    <svg className={className} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="#3346d3" />
      <path d="M9 25V13.5L16 8l7 5.5V25h-4.5v-6.5h-5V25z" fill="#fff" />
    </svg>
  );
}
