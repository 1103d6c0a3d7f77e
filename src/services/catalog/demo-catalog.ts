/** The demo shop's catalogue: a small Czech tea, coffee and chocolate shop (data only; seed-demo.ts stores it). */
export type DemoCategory = { slug: string; name: string; description: string; parent?: string; hue: number };
export type DemoProduct = { name: string; category: string; kind: 'tea' | 'coffee' | 'chocolate' | 'thing'; base: number; text: string; colours?: string[] };

export const DEMO_CATEGORIES: DemoCategory[] = [
  { slug: 'caje', name: 'Čaje', description: 'Sypané čaje z čajových zahrad i bylinky z českých luk.', hue: 110 },
  { slug: 'cerne-caje', name: 'Černé čaje', description: 'Plné a sladové černé čaje z Indie, Číny a Cejlonu.', parent: 'caje', hue: 20 },
  { slug: 'zelene-caje', name: 'Zelené čaje', description: 'Svěží zelené čaje z Japonska a Číny.', parent: 'caje', hue: 95 },
  { slug: 'bylinne-caje', name: 'Bylinné čaje', description: 'Byliny na každý den, bez kofeinu.', parent: 'caje', hue: 60 },
  { slug: 'kava', name: 'Káva', description: 'Výběrová káva pražená v malých dávkách každý týden.', hue: 30 },
  { slug: 'cokolada', name: 'Čokoláda', description: 'Poctivá čokoláda s vysokým podílem kakaa.', hue: 15 },
  { slug: 'prislusenstvi', name: 'Příslušenství', description: 'Konvičky, hrnky a vše pro přípravu čaje a kávy.', hue: 210 },
];

export const DEMO_PRODUCTS: DemoProduct[] = [
  { name: 'Assam Halmari', category: 'cerne-caje', kind: 'tea', base: 129, text: 'Silný sladový čaj z Ásámu, skvělý s mlékem.' },
  { name: 'Darjeeling First Flush', category: 'cerne-caje', kind: 'tea', base: 219, text: 'Jarní sklizeň z úpatí Himálaje s muškátovou vůní.' },
  { name: 'Earl Grey Imperial', category: 'cerne-caje', kind: 'tea', base: 139, text: 'Černý čaj s pravým bergamotovým olejem.' },
  { name: 'Ceylon Uva', category: 'cerne-caje', kind: 'tea', base: 119, text: 'Jasný, svěží cejlonský čaj z vysokých poloh.' },
  { name: 'Lapsang Souchong', category: 'cerne-caje', kind: 'tea', base: 159, text: 'Kouřový čaj sušený nad borovým dřevem.' },
  { name: 'Sencha Fukuyu', category: 'zelene-caje', kind: 'tea', base: 189, text: 'Japonská sencha s trávovou sladkostí.' },
  { name: 'Gunpowder', category: 'zelene-caje', kind: 'tea', base: 99, text: 'Zelený čaj stočený do kuliček, základ marocké máty.' },
  { name: 'Jasmínové perly', category: 'zelene-caje', kind: 'tea', base: 249, text: 'Ručně stáčené perly provoněné čerstvým jasmínem.' },
  { name: 'Genmaicha', category: 'zelene-caje', kind: 'tea', base: 129, text: 'Zelený čaj s praženou rýží, oříšková chuť.' },
  { name: 'Matcha Uji', category: 'zelene-caje', kind: 'tea', base: 399, text: 'Jemně mletý zelený čaj pro čajový obřad i latté.' },
  { name: 'Heřmánek pravý', category: 'bylinne-caje', kind: 'tea', base: 69, text: 'Celé květy heřmánku z Hané.' },
  { name: 'Máta peprná', category: 'bylinne-caje', kind: 'tea', base: 65, text: 'Osvěžující máta, horká i ledová.' },
  { name: 'Lipový květ', category: 'bylinne-caje', kind: 'tea', base: 79, text: 'Voňavý lipový květ na zimní večery.' },
  { name: 'Rooibos s vanilkou', category: 'bylinne-caje', kind: 'tea', base: 95, text: 'Jihoafrický keř s kousky vanilky, bez kofeinu.' },
  { name: 'Meduňka lékařská', category: 'bylinne-caje', kind: 'tea', base: 72, text: 'Citronově vonící bylina na klidný spánek.' },
  { name: 'Etiopie Yirgacheffe', category: 'kava', kind: 'coffee', base: 289, text: 'Květinová káva s tóny bergamotu a citrusů.' },
  { name: 'Kolumbie Supremo', category: 'kava', kind: 'coffee', base: 259, text: 'Vyvážená káva s karamelovou sladkostí.' },
  { name: 'Brazílie Santos', category: 'kava', kind: 'coffee', base: 229, text: 'Oříšková a čokoládová, ideální do espressa.' },
  { name: 'Guatemala Antigua', category: 'kava', kind: 'coffee', base: 279, text: 'Sametová káva z vulkanických půd.' },
  { name: 'Espresso směs Kramek', category: 'kava', kind: 'coffee', base: 249, text: 'Naše domácí směs pro plné espresso s cremou.' },
  { name: 'Bezkofeinová Kolumbie', category: 'kava', kind: 'coffee', base: 269, text: 'Dekofeinizováno šetrnou vodní metodou.' },
  { name: 'Hořká čokoláda 70 %', category: 'cokolada', kind: 'chocolate', base: 89, text: 'Kakao z Peru, jemně ovocná.' },
  { name: 'Mléčná čokoláda s lískovými oříšky', category: 'cokolada', kind: 'chocolate', base: 79, text: 'Celé pražené lískové oříšky v mléčné čokoládě.' },
  { name: 'Bílá čokoláda s malinami', category: 'cokolada', kind: 'chocolate', base: 85, text: 'Lyofilizované maliny v krémové bílé čokoládě.' },
  { name: 'Čokoláda s chilli', category: 'cokolada', kind: 'chocolate', base: 95, text: 'Hořká čokoláda, která hřeje.' },
  { name: 'Kakao holandské', category: 'cokolada', kind: 'chocolate', base: 119, text: 'Alkalizované kakao na horkou čokoládu a pečení.' },
  { name: 'Litinová konvička Tetsubin', category: 'prislusenstvi', kind: 'thing', base: 1290, text: 'Japonská litinová konvička 0,8 l se sítkem.', colours: ['černá', 'zelená'] },
  { name: 'Porcelánový hrnek', category: 'prislusenstvi', kind: 'thing', base: 249, text: 'Hrnek 350 ml z českého porcelánu.', colours: ['bílá', 'modrá', 'červená'] },
  { name: 'Sítko na čaj', category: 'prislusenstvi', kind: 'thing', base: 129, text: 'Nerezové sítko do hrnku i konvice.' },
  { name: 'Ruční mlýnek na kávu', category: 'prislusenstvi', kind: 'thing', base: 1490, text: 'Keramické kameny, nastavitelné hrubosti mletí.' },
  { name: 'French press 1 l', category: 'prislusenstvi', kind: 'thing', base: 690, text: 'Skleněná konvice s nerezovým pístem.', colours: ['nerez', 'černá'] },
  { name: 'Dárková sada Čajová chvilka', category: 'caje', kind: 'thing', base: 590, text: 'Tři čaje, sítko a přání v dárkové krabičce.' },
];
