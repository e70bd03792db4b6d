/** A page of the portal, with its counterpart in the other language. */
export type SitePage = {
  path: string;
  lang: "de" | "en";
  h1: string;
  /** The document title starts with this, followed by " – " and the city. */
  title: string;
  /**
   * Where the language switch leads. A page without a counterpart of its own (the Leichte
   * Sprache version) switches to the counterpart of its everyday-language page.
   */
  counterpart: string;
};

/**
 * The pages every page-level test visits (axe at phone and desktop, skip link, language switch,
 * reflow at 320 px and 200 % zoom, screenshots): each static page, and for the catalogue one
 * representative page per page type and language, so the suite stays a few minutes long.
 */
export const PAGES: SitePage[] = [
  { path: "/", lang: "de", h1: "Ihr digitales Rathaus", title: "Digitales Rathaus", counterpart: "/en" },
  { path: "/en", lang: "en", h1: "Your digital town hall", title: "Digital town hall", counterpart: "/" },
  { path: "/barrierefreiheit", lang: "de", h1: "Erklärung zur Barrierefreiheit", title: "Erklärung zur Barrierefreiheit", counterpart: "/en/accessibility" },
  { path: "/en/accessibility", lang: "en", h1: "Accessibility statement", title: "Accessibility statement", counterpart: "/barrierefreiheit" },
  { path: "/impressum", lang: "de", h1: "Impressum", title: "Impressum", counterpart: "/en/imprint" },
  { path: "/en/imprint", lang: "en", h1: "Imprint", title: "Imprint", counterpart: "/impressum" },
  { path: "/datenschutz", lang: "de", h1: "Datenschutz", title: "Datenschutz", counterpart: "/en/privacy" },
  { path: "/en/privacy", lang: "en", h1: "Privacy", title: "Privacy", counterpart: "/datenschutz" },
  // Catalogue: services A–Z, a service (everyday language, English, Leichte Sprache), topics,
  // life situations, offices.
  { path: "/leistungen", lang: "de", h1: "Leistungen von A bis Z", title: "Leistungen von A bis Z", counterpart: "/en/services" },
  { path: "/en/services", lang: "en", h1: "Services A to Z", title: "Services A to Z", counterpart: "/leistungen" },
  { path: "/leistungen/personalausweis-beantragen", lang: "de", h1: "Personalausweis beantragen", title: "Personalausweis beantragen", counterpart: "/en/services/apply-for-an-id-card" },
  { path: "/en/services/apply-for-an-id-card", lang: "en", h1: "Apply for an ID card", title: "Apply for an ID card", counterpart: "/leistungen/personalausweis-beantragen" },
  { path: "/leistungen/personalausweis-beantragen/leichte-sprache", lang: "de", h1: "Personal-Ausweis beantragen", title: "Personal-Ausweis beantragen", counterpart: "/en/services/apply-for-an-id-card" },
  { path: "/themen", lang: "de", h1: "Themen", title: "Themen", counterpart: "/en/topics" },
  { path: "/en/topics", lang: "en", h1: "Topics", title: "Topics", counterpart: "/themen" },
  { path: "/themen/tiere", lang: "de", h1: "Tiere", title: "Tiere", counterpart: "/en/topics/animals" },
  { path: "/en/topics/animals", lang: "en", h1: "Animals", title: "Animals", counterpart: "/themen/tiere" },
  { path: "/lebenslagen", lang: "de", h1: "Lebenslagen", title: "Lebenslagen", counterpart: "/en/life-situations" },
  { path: "/en/life-situations", lang: "en", h1: "Life situations", title: "Life situations", counterpart: "/lebenslagen" },
  { path: "/lebenslagen/umzug", lang: "de", h1: "Umzug", title: "Umzug", counterpart: "/en/life-situations/moving" },
  { path: "/en/life-situations/moving", lang: "en", h1: "Moving house", title: "Moving house", counterpart: "/lebenslagen/umzug" },
  { path: "/dienststellen", lang: "de", h1: "Dienststellen", title: "Dienststellen", counterpart: "/en/offices" },
  { path: "/en/offices", lang: "en", h1: "Offices", title: "Offices", counterpart: "/dienststellen" },
  { path: "/dienststellen/buergerbuero-mitte", lang: "de", h1: "Bürgerbüro Mitte im Rathaus", title: "Bürgerbüro Mitte im Rathaus", counterpart: "/en/offices/citizen-office-centre" },
  { path: "/en/offices/citizen-office-centre", lang: "en", h1: "Citizen Office Centre (Town Hall)", title: "Citizen Office Centre (Town Hall)", counterpart: "/dienststellen/buergerbuero-mitte" },
];

/** The page at `path` in PAGES. */
export function pageAt(path: string): SitePage {
  const found = PAGES.find((p) => p.path === path);
  if (!found) throw new Error(`${path} is not in PAGES`);
  return found;
}

/** Texts of the page frame, by language. */
export const FRAME = {
  de: {
    skip: "Zum Inhalt springen",
    switchTo: "English",
    langNav: "Sprache",
    mainNav: "Hauptnavigation",
    main: [
      { name: "Leistungen A–Z", href: "/leistungen" },
      { name: "Themen", href: "/themen" },
      { name: "Lebenslagen", href: "/lebenslagen" },
      { name: "Dienststellen", href: "/dienststellen" },
    ],
    legalNav: "Rechtliches",
    home: "/",
    legal: [
      { name: "Erklärung zur Barrierefreiheit", href: "/barrierefreiheit" },
      { name: "Impressum", href: "/impressum" },
      { name: "Datenschutz", href: "/datenschutz" },
    ],
    notFound: "Seite nicht gefunden",
    notFoundHint: "prüfen Sie bitte die Schreibweise",
    notFoundHome: "Zur Startseite",
  },
  en: {
    skip: "Skip to main content",
    switchTo: "Deutsch",
    langNav: "Language",
    mainNav: "Main navigation",
    main: [
      { name: "Services A–Z", href: "/en/services" },
      { name: "Topics", href: "/en/topics" },
      { name: "Life situations", href: "/en/life-situations" },
      { name: "Offices", href: "/en/offices" },
    ],
    legalNav: "Legal",
    home: "/en",
    legal: [
      { name: "Accessibility statement", href: "/en/accessibility" },
      { name: "Imprint", href: "/en/imprint" },
      { name: "Privacy", href: "/en/privacy" },
    ],
    notFound: "Page not found",
    notFoundHint: "please check the spelling",
    notFoundHome: "Go to the home page",
  },
} as const;

/**
 * The service the catalogue tests follow through the portal (demo catalogue of Wolfsburg): on
 * the home page under "Häufig gesucht", handled by the Bürgerbüro Mitte, written in Leichte
 * Sprache too.
 */
export const SERVICE = {
  de: {
    path: "/leistungen/personalausweis-beantragen",
    title: "Personalausweis beantragen",
    letter: "P",
    price: "37,00 €",
    badge: "Mit Termin",
    action: "Termin vereinbaren",
    sections: [
      "Wer kann das beantragen?",
      "Welche Unterlagen brauche ich?",
      "Was kostet das?",
      "Wie lange dauert es?",
      "Welche Fristen gibt es?",
      "So läuft es ab",
      "Zuständige Stelle",
      "Rechtsgrundlagen",
      "Rechtsbehelf",
    ],
    office: { name: "Bürgerbüro Mitte im Rathaus", path: "/dienststellen/buergerbuero-mitte" },
    topic: { name: "Ausweise und Dokumente", path: "/themen/ausweise-dokumente" },
    easyRead: {
      path: "/leistungen/personalausweis-beantragen/leichte-sprache",
      link: "Diese Seite in Leichter Sprache",
      back: "Diese Seite in Alltagssprache",
      h1: "Personal-Ausweis beantragen",
    },
  },
  en: {
    path: "/en/services/apply-for-an-id-card",
    title: "Apply for an ID card",
    price: "€37.00",
    badge: "By appointment",
    action: "Make an appointment",
    office: { name: "Citizen Office Centre (Town Hall)", path: "/en/offices/citizen-office-centre" },
  },
} as const;

/** A service without a Leichte Sprache version: its /leichte-sprache address is a 404. */
export const NO_EASY_READ = "/leistungen/grundsteuer/leichte-sprache";

/** The language switch's address: remember `lang`, then continue at `path`. */
export function languageChoice(lang: "de" | "en", path: string): string {
  return `/sprache?zu=${lang}&weiter=${path}`;
}

/** A regular expression matching `text` literally. */
export function literal(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
}
