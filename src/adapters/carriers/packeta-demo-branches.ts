/** The demo carrier's pickup points: a few dozen Czech and Slovak Z-Points and Z-BOXes in the v4 feed's shape. */

// id, place, street, city, zip, latitude, longitude, Z-BOX?
const POINTS: [number, string, string, string, string, number, number, boolean][] = [
  [10231, 'Trafika U Nádraží', 'Wilsonova 300/8', 'Praha 2', '120 00', 50.0829, 14.4355, false],
  [10232, 'Z-BOX Dlouhá', 'Dlouhá 12', 'Praha 1', '110 00', 50.0903, 14.4251, true],
  [10233, 'Papírnictví Vinohrady', 'Korunní 45', 'Praha 2', '120 00', 50.0755, 14.4412, false],
  [10234, 'Z-BOX Anděl', 'Nádražní 23', 'Praha 5', '150 00', 50.0705, 14.4035, true],
  [10235, 'Květinářství Letná', 'Milady Horákové 18', 'Praha 7', '170 00', 50.0985, 14.4297, false],
  [10236, 'Večerka Karlín', 'Sokolovská 112', 'Praha 8', '186 00', 50.0930, 14.4530, false],
  [10237, 'Z-BOX Chodov', 'Roztylská 2321/19', 'Praha 4', '148 00', 50.0318, 14.4922, true],
  [10238, 'Drogerie Smíchov', 'Štefánikova 30', 'Praha 5', '150 00', 50.0751, 14.4050, false],
  [11401, 'Knihkupectví Zelný trh', 'Zelný trh 6', 'Brno', '602 00', 49.1925, 16.6081, false],
  [11402, 'Z-BOX Královo Pole', 'Palackého tř. 120', 'Brno', '612 00', 49.2255, 16.5940, true],
  [11403, 'Potraviny Žabovřesky', 'Minská 50', 'Brno', '616 00', 49.2130, 16.5770, false],
  [12101, 'Trafika Stodolní', 'Stodolní 7', 'Ostrava', '702 00', 49.8390, 18.2842, false],
  [12102, 'Z-BOX Poruba', 'Hlavní třída 583', 'Ostrava', '708 00', 49.8323, 18.1702, true],
  [13051, 'Foto Plzeň', 'Americká 42', 'Plzeň', '301 00', 49.7434, 13.3787, false],
  [13052, 'Z-BOX Bory', 'Klatovská tř. 110', 'Plzeň', '301 00', 49.7330, 13.3745, true],
  [14020, 'Papírnictví Horní náměstí', 'Horní náměstí 20', 'Olomouc', '779 00', 49.5938, 17.2509, false],
  [14021, 'Z-BOX Nová Ulice', 'Mrštíkovo nám. 51', 'Olomouc', '779 00', 49.5905, 17.2280, true],
  [15110, 'Cukrárna Liberec', 'Pražská 14', 'Liberec', '460 01', 50.7680, 15.0560, false],
  [15111, 'Z-BOX Rochlice', 'Dobiášova 864', 'Liberec', '460 06', 50.7480, 15.0750, true],
  [16201, 'Trafika Lannova', 'Lannova tř. 25', 'České Budějovice', '370 01', 48.9760, 14.4790, false],
  [16202, 'Z-BOX Máj', 'Krumlovská 2', 'České Budějovice', '370 05', 48.9620, 14.4700, true],
  [17310, 'Drogerie Velké náměstí', 'Velké náměstí 30', 'Hradec Králové', '500 03', 50.2093, 15.8329, false],
  [17311, 'Z-BOX Moravské Předměstí', 'Brněnská 1825', 'Hradec Králové', '500 06', 50.1960, 15.8540, true],
  [18420, 'Hračky Pernštýnská', 'Pernštýnská 9', 'Pardubice', '530 02', 50.0386, 15.7784, false],
  [18421, 'Z-BOX Dukla', 'Jana Palacha 1552', 'Pardubice', '530 02', 50.0270, 15.7650, true],
  [19030, 'Potraviny Zlín', 'Kvítková 4323', 'Zlín', '760 01', 49.2240, 17.6670, false],
  [19120, 'Papírnictví Masarykovo náměstí', 'Masarykovo nám. 35', 'Jihlava', '586 01', 49.3960, 15.5910, false],
  [19210, 'Trafika Lázeňská', 'T. G. Masaryka 12', 'Karlovy Vary', '360 01', 50.2310, 12.8710, false],
  [19320, 'Večerka Mírové náměstí', 'Mírové nám. 8', 'Ústí nad Labem', '400 01', 50.6610, 14.0400, false],
  [19321, 'Z-BOX Střekov', 'Národního odboje 22', 'Ústí nad Labem', '400 03', 50.6540, 14.0600, true],
  [19410, 'Obchod U Kostela', 'Palackého 15', 'Kolín', '280 02', 50.0280, 15.2000, false],
  [19510, 'Trafika Žižkovo náměstí', 'Žižkovo nám. 4', 'Tábor', '390 01', 49.4140, 14.6580, false],
  [19610, 'Knihy Jičín', 'Valdštejnovo nám. 1', 'Jičín', '506 01', 50.4370, 15.3510, false],
  [19710, 'Drogerie Třebíč', 'Karlovo nám. 20', 'Třebíč', '674 01', 49.2150, 15.8810, false],
  [20110, 'Trafika Obchodná', 'Obchodná 22', 'Bratislava', '811 06', 48.1460, 17.1070, false],
  [20111, 'Z-BOX Petržalka', 'Romanova 37', 'Bratislava', '851 02', 48.1200, 17.1050, true],
  [20210, 'Papiernictvo Hlavná', 'Hlavná 50', 'Košice', '040 01', 48.7190, 21.2580, false],
];

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** The branches as `branch.json` lists them (values are text, as in the real feed). */
export function demoBranches(): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    POINTS.map(([id, place, street, city, zip, lat, lon, box]) => {
      const country = zip.startsWith('8') || zip.startsWith('0') ? 'sk' : 'cz';
      const hours = box ? 'Po–Ne 00:00–23:59' : 'Po–Pá 08:00–18:00, So 09:00–12:00';
      const regular = Object.fromEntries(DAYS.map((d, i) => [d, box ? '00:00–23:59' : i < 5 ? '08:00–18:00' : i === 5 ? '09:00–12:00' : '']));
      const branch = {
        id: String(id),
        name: `${city}, ${street}`,
        special: '',
        place,
        street,
        city,
        zip,
        country,
        currency: country === 'sk' ? 'EUR' : 'CZK',
        status: { statusId: '1', description: 'V provozu' },
        displayFrontend: '1',
        directions: '',
        directionsCar: '',
        directionsPublic: '',
        wheelchairAccessible: box ? 'yes' : 'no',
        creditCardPayment: box ? 'yes' : 'no',
        dressingRoom: '0',
        claimAssistant: box ? '0' : '1',
        packetConsignment: '1',
        latitude: lat.toFixed(5),
        longitude: lon.toFixed(5),
        url: `https://www.zasilkovna.cz/pobocky/${id}`,
        maxWeight: box ? '10' : '15',
        region: '',
        district: '',
        labelRouting: `C${String(id).slice(0, 2)}-${String(id).slice(2)}`,
        labelName: place,
        photos: [],
        openingHours: { compactShort: hours, compactLong: hours, tableLong: '', regular, exceptions: [] },
      };
      return [String(id), branch];
    }),
  );
}
