/** Content page table as Kysely sees it. */
import type { Generated } from 'kysely';

export interface ContentTables {
  pages: {
    id: Generated<number>;
    slug: string;
    title: string;
    body: string;
    body_html: string;
    published: number;
    is_template: number;
    in_menu: number;
    in_footer: number;
    position: number;
    created_at: string;
    updated_at: string;
  };
}
