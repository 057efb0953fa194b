/**
 * Word lists for seeded texts. Order matters: lists sampled by Zipf put the most frequent word
 * first, so a few subjects and words are in many artworks and the tail is rare — as in real
 * titles and descriptions, which is what FULLTEXT cost depends on.
 */

export const FIRST_NAMES = list(`
  Élodie, Zoë, José, Søren, Chloé, Renée, André, Inés, Björn, François, Núria, Agnès, Bénédicte,
  Joaquín, Małgorzata, Jiří, Ångström, Dóra, Ólafur, Çağla, Anna, Maria, Lucia, Marta, Elena, Sofia,
  Clara, Nina, Ida, Eva, Paul, Jan, Tom, Leo, Hugo, Felix, Oskar, Max, Emil, Noah, Aiko, Haruto, Mei,
  Wei, Priya, Arjun, Amara, Kwame, Tariq, Leila, Margaret, Isabel, Helena, Rosa, Greta, Ingrid,
  Astrid, Freya, Maeve, Siobhán, Thomas, William, Henry, Arthur, Edward, Samuel, Daniel, Gabriel,
  Rafael, Mateo, Camille, Léa, Manon, Inès, Théo, Raphaël, Noé, Maël, Gaëlle, Cécile, Lukas, Jonas,
  Mia, Lena, Hannah, Jürgen, Käthe, Dörte, Tobias, Frieda, Ana, Lucía, Martín, Tomás, Sebastián,
  Valentina, Camila, Ramón, Begoña, Iñaki
`);

export const LAST_NAMES = list(`
  Marchand, Nguyễn, Müller, García, Dvořák, Kowalski, Sánchez, Łukasiewicz, Øster, Ibáñez, Smith,
  Jones, Taylor, Brown, Wilson, Evans, Thomas, Roberts, Walker, Wright, Martin, Bernard, Dubois,
  Durand, Lefèvre, Moreau, Laurent, Simon, Michel, Fournier, Schmidt, Schneider, Fischer, Weber,
  Meyer, Wagner, Becker, Schäfer, Köhler, Groß, Rossi, Russo, Ferrari, Esposito, Bianchi, Romano,
  Colombo, Ricci, Marino, Greco, Fernández, López, Martínez, Rodríguez, Pérez, Gómez, Díaz, Muñoz,
  Álvarez, Núñez, Jansen, de Vries, van Dijk, Bakker, Visser, Smit, Meijer, de Boer, Mulder,
  de Groot, Andersen, Nielsen, Hansen, Pedersen, Larsen, Sørensen, Jørgensen, Holm, Lindqvist, Åberg,
  Novák, Svoboda, Novotný, Černý, Procházka, Nowak, Wiśniewski, Wójcik, Kamińska, Zieliński, Tanaka,
  Suzuki, Watanabe, Kim, Park, Chen, Wang, Li, Zhang, Liu, Okafor, Mensah, Haddad, Khalil, Yılmaz,
  Demir, Öztürk, Şahin, Ó Briain, O'Neill, Papadopoulos, Ioannou, Kovač, Horvát, Nagy, Szabó, Tóth,
  Popescu, Ionescu, Petrović
`);

/** Title subjects, most frequent first (Zipf). */
export const SUBJECTS = list(`
  portrait, landscape, harbour, still life, garden, river, figure, self-portrait, sea, city, forest,
  interior, field, mountain, bridge, street, window, flowers, boats, cathedral, orchard, meadow,
  coast, lighthouse, market, hayfield, harvest, hare, hawthorn, village, kitchen, studio, cliffs,
  dunes, lake, pier, mill, farmhouse, rooftops, canal, vineyard, olive grove, poppies, sunflowers,
  irises, lemons, pears, apples, jug, teapot, dancer, musician, reader, sleeper, bather, horse, cat,
  dog, heron, crows, station, café, terrace, balcony, staircase, courtyard, fountain, chapel, tower,
  ruins, glacier, fjord, estuary, marsh, moor, heath, quarry, shipyard, foundry, greenhouse
`);

export const ADJECTIVES = list(`
  quiet, blue, grey, golden, hazy, winter, summer, red, small, late, early, green, white, dark,
  empty, distant, half-lit, misty, autumn, spring, silent, broken, northern, southern, harsh, tender,
  pale, bright, lonely, hallowed
`);

export const TIMES = list(`
  dusk, dawn, noon, twilight, night, evening, morning, low tide, midsummer
`);

export const COLOURS = list(`
  umber, ochre, blue, grey, green, red, sienna, ultramarine, cobalt, viridian, cadmium, vermilion,
  indigo, sepia, carmine, gold, silver, violet, rose, black
`);

export const PLACES = list(`
  Marseille, Lisbon, Kraków, Zürich, Reykjavík, Sevilla, Porto, Trondheim, Dublin, Nice, Antwerp,
  Brno, Göteborg, Cádiz, Bruges, Ljubljana, Tromsø, Córdoba, Plzeň, Aarhus
`);

/** Description words, most frequent first (Zipf): medium, light, process, mood, subject. */
export const DESCRIPTION_WORDS = list(`
  oil, light, canvas, colour, study, morning, painted, brush, layer, linen, warm, cool, shadow,
  sketch, palette, evening, water, sky, glaze, dusk, plein, air, detail, panel, acrylic,
  gouache, watercolour, knife, texture, reflection, figure, portrait, landscape, composition, tone,
  value, edges, wet, dry, impasto, scumble, underpainting, wash, stroke, horizon, clouds, rain, snow,
  fog, boats, river, garden, trees, street, window, table, flowers, fruit, bottle, umber, ochre,
  ultramarine, sienna, cobalt, cadmium, titanium, white, black, viridian, quick, slow, loose, tight,
  small, large, square, vertical, harbour, series, commission, memory, photograph, life, model, studio,
  outdoors, afternoon, noon, night, dawn, winter, summer, autumn, spring, coast, sea, waves, sand,
  rocks, cliffs, mountain, valley, field, hills, forest, path, bridge, town, city, rooftops, market,
  people, crowd, child, mother, father, friend, sister, brother, grandmother, cat, dog, horse, birds,
  gulls, heron, hands, face, eyes, hair, mood, quiet, calm, storm, wind, heat, cold, silence, noise,
  music, attempt, version, revisited, unfinished, abandoned, reworked, scraped, corrected, repainted,
  varnished, limited, complementary, muted, saturated, contrast, chiaroscuro, atmosphere,
  perspective, anatomy, gesture, train, journey, holiday, residency, workshop, exhibition, gift,
  sold, available, framed, cotton, paper, board, wood, copper, masonite, gesso, primer, medium,
  solvent
`);

/**
 * Rare words: one artwork in ~30 gets one of these, so each is in a few dozen rows of 100 000 —
 * the cheap end of FULLTEXT. The benchmark's rare term is one of them.
 */
export const RARE_WORDS = list(`
  verdaccio, grisaille, sfumato, pentimento, quinacridone, smalt, orpiment, realgar, malachite,
  azurite, bistre, caput, mortuum, gamboge, madder, lapis, cinnabar, minium, massicot, verdigris,
  tenebrism, sgraffito, encaustic, tempera, fresco, secco, cangiante, unione, repoussoir, trompe,
  anamorphosis, camaieu, brunaille, verdaille, craquelure, bole, gilding, punchwork, predella,
  triptych, diptych, polyptych, tondo, lunette, spandrel, cartoon, pouncing, squaring, modello,
  bozzetto, ricordo, pastiche, capriccio, veduta, bambocciata, bodegón, vanitas, memento, kakemono,
  sumi
`);

/** Stage titles, most frequent first (a stage has one 40 % of the time); they are searchable text. */
export const STAGE_TITLES = list(`
  sketch, underpainting, blocking in, first glaze, second glaze, details, final, thumbnail,
  value study, colour study, corrections, varnish
`);

export const STAGE_KINDS = list(`
  sketch, draft, color, detail, final, other
`);

/** Comma-separated words to an array: keeps the lists dense and easy to edit. */
function list(text: string): string[] {
  return text
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);
}
