/**
 * Starting texts of the pages every Czech e-shop needs. They are templates: the shop marks them
 * "to be reviewed" until the owner has checked them against their own business (they are not legal advice).
 */
export type PageTemplate = { slug: string; title: string; body: string; inFooter: boolean; inMenu: boolean; position: number };

export const LEGAL_TEMPLATES: PageTemplate[] = [
  {
    slug: 'obchodni-podminky',
    title: 'Obchodní podmínky',
    inFooter: true,
    inMenu: false,
    position: 10,
    body: `## 1. Úvodní ustanovení
Tyto obchodní podmínky upravují vztah mezi prodávajícím (provozovatelem tohoto obchodu, údaje viz stránka Kontakt) a kupujícím při prodeji zboží prostřednictvím internetového obchodu.

## 2. Objednávka a uzavření smlouvy
Objednávku odešle kupující tlačítkem „Objednat s povinností platby“. Smlouva je uzavřena potvrzením objednávky prodávajícím, které kupující obdrží e-mailem.

## 3. Cena a platba
Ceny jsou uvedeny včetně DPH. Kupující může zaplatit bankovním převodem, na dobírku nebo hotově při osobním odběru. Cena dopravy a platby je uvedena v objednávce před jejím odesláním.

## 4. Dodání zboží
Zboží odešleme zpravidla do 3 pracovních dnů od přijetí objednávky (u platby převodem od připsání platby).

## 5. Odstoupení od smlouvy
Spotřebitel může od smlouvy odstoupit bez udání důvodu do 14 dnů od převzetí zboží, a to i funkcí „Odstoupit od smlouvy“ u objednávky v obchodě. Peníze vrátíme do 14 dnů od odstoupení, nejdříve však po vrácení zboží.

## 6. Práva z vadného plnění
Práva z vadného plnění se řídí občanským zákoníkem a naším reklamačním řádem.

## 7. Závěrečná ustanovení
Tyto podmínky jsou účinné od data zveřejnění. Mimosoudní řešení sporů zajišťuje Česká obchodní inspekce (www.coi.cz).`,
  },
  {
    slug: 'reklamacni-rad',
    title: 'Reklamační řád',
    inFooter: true,
    inMenu: false,
    position: 20,
    body: `## Jak reklamovat
Reklamaci uplatněte e-mailem nebo dopisem na adrese uvedené na stránce Kontakt. Uveďte číslo objednávky, popis vady a jak si přejete reklamaci vyřídit.

## Lhůty
Vadu můžete uplatnit do 24 měsíců od převzetí zboží. Reklamaci vyřídíme nejpozději do 30 dnů od jejího uplatnění.

## Náklady
Účelně vynaložené náklady spojené s oprávněnou reklamací vám uhradíme.`,
  },
  {
    slug: 'ochrana-osobnich-udaju',
    title: 'Ochrana osobních údajů',
    inFooter: true,
    inMenu: false,
    position: 30,
    body: `## Správce
Správcem osobních údajů je provozovatel obchodu (údaje viz stránka Kontakt).

## Jaké údaje zpracováváme a proč
Jméno, adresu, e-mail a telefon zpracováváme, abychom mohli vyřídit vaši objednávku (plnění smlouvy) a splnit zákonné povinnosti (účetnictví). Údaje uchováváme po dobu stanovenou zákonem.

## Vaše práva
Máte právo na přístup k údajům, jejich opravu, výmaz, omezení zpracování, přenositelnost a právo podat stížnost u Úřadu pro ochranu osobních údajů.`,
  },
  {
    slug: 'doprava-a-platba',
    title: 'Doprava a platba',
    inFooter: true,
    inMenu: true,
    position: 40,
    body: `## Doprava
Zboží posíláme přepravní službou nebo si jej můžete vyzvednout osobně. Ceny dopravy uvidíte v pokladně před odesláním objednávky; nad určitou částku je doprava zdarma.

## Platba
Platit můžete bankovním převodem (údaje najdete v potvrzení objednávky i s QR kódem), na dobírku nebo hotově při osobním odběru.`,
  },
  {
    slug: 'kontakt',
    title: 'Kontakt',
    inFooter: true,
    inMenu: true,
    position: 50,
    body: `Napište nám nebo zavolejte – rádi poradíme s výběrem i s objednávkou.

Kontaktní údaje doplňte podle svého obchodu (adresa, e-mail, telefon, IČO a DIČ).`,
  },
  {
    slug: 'o-nas',
    title: 'O nás',
    inFooter: false,
    inMenu: true,
    position: 60,
    body: 'Napište pár vět o sobě a o tom, proč u vás zákazníci rádi nakupují.',
  },
];
