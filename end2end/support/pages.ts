/** The pages that exist today, each with its counterpart in the other language. */
export type SitePage = {
  path: string;
  lang: "de" | "en";
  h1: string;
  /** The document title starts with this, followed by " – " and the city. */
  title: string;
  counterpart: string;
};

export const PAGES: SitePage[] = [
  { path: "/", lang: "de", h1: "Ihr digitales Rathaus", title: "Digitales Rathaus", counterpart: "/en" },
  { path: "/en", lang: "en", h1: "Your digital town hall", title: "Digital town hall", counterpart: "/" },
  { path: "/barrierefreiheit", lang: "de", h1: "Erklärung zur Barrierefreiheit", title: "Erklärung zur Barrierefreiheit", counterpart: "/en/accessibility" },
  { path: "/en/accessibility", lang: "en", h1: "Accessibility statement", title: "Accessibility statement", counterpart: "/barrierefreiheit" },
  { path: "/impressum", lang: "de", h1: "Impressum", title: "Impressum", counterpart: "/en/imprint" },
  { path: "/en/imprint", lang: "en", h1: "Imprint", title: "Imprint", counterpart: "/impressum" },
  { path: "/datenschutz", lang: "de", h1: "Datenschutz", title: "Datenschutz", counterpart: "/en/privacy" },
  { path: "/en/privacy", lang: "en", h1: "Privacy", title: "Privacy", counterpart: "/datenschutz" },
];

/** Texts of the page frame, by language. */
export const FRAME = {
  de: {
    skip: "Zum Inhalt springen",
    switchTo: "English",
    langNav: "Sprache",
    legalNav: "Rechtliches",
    home: "/",
    legal: [
      { name: "Erklärung zur Barrierefreiheit", href: "/barrierefreiheit" },
      { name: "Impressum", href: "/impressum" },
      { name: "Datenschutz", href: "/datenschutz" },
    ],
    notFound: "Seite nicht gefunden",
  },
  en: {
    skip: "Skip to main content",
    switchTo: "Deutsch",
    langNav: "Language",
    legalNav: "Legal",
    home: "/en",
    legal: [
      { name: "Accessibility statement", href: "/en/accessibility" },
      { name: "Imprint", href: "/en/imprint" },
      { name: "Privacy", href: "/en/privacy" },
    ],
    notFound: "Page not found",
  },
} as const;

/** A regular expression matching `text` literally. */
export function literal(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
}
