/** Texts of orders: checkout and order API errors (the Orders panel adds its own here). */
export const cs = {
  'error.guest_checkout_disabled': 'Jednorázový nákup bez registrace není v tomto obchodě povolen. Přihlaste se nebo se zaregistrujte.',
  'error.out_of_stock': 'Některé zboží už není skladem v požadovaném množství: {skus}.',
  'error.account_exists': 'Účet s tímto e-mailem už existuje. Přihlaste se.',
  'error.idempotency_conflict': 'Stejný Idempotency-Key už byl použit pro jinou objednávku.',
  'field.quantity_invalid': 'Množství musí být celé číslo od 1 do 999.',
  'field.cart_empty': 'Objednávka musí obsahovat alespoň jednu položku.',
  'field.method_unknown': 'Tento způsob obchod nenabízí.',
  'field.sku_unknown': 'Toto zboží neznáme nebo se už neprodává.',
  'field.out_of_stock': 'Tolik kusů už není skladem.',
  'field.account_exists': 'Účet s tímto e-mailem už existuje.',
};

export const en: Record<keyof typeof cs, string> = {
  'error.guest_checkout_disabled': 'This shop does not allow one-time purchases without an account. Please sign in or register.',
  'error.out_of_stock': 'Some items are no longer in stock in the quantity requested: {skus}.',
  'error.account_exists': 'An account with this email already exists. Please sign in.',
  'error.idempotency_conflict': 'The same Idempotency-Key was already used for a different order.',
  'field.quantity_invalid': 'The quantity must be a whole number from 1 to 999.',
  'field.cart_empty': 'An order needs at least one item.',
  'field.method_unknown': 'The shop does not offer this method.',
  'field.sku_unknown': 'This item is unknown or no longer sold.',
  'field.out_of_stock': 'That many pieces are no longer in stock.',
  'field.account_exists': 'An account with this email already exists.',
};
