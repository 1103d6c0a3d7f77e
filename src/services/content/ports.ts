/** What the content-page use cases need from storage. */
import type { ContentPage } from '../../domain/content/page.js';

export type PageRecord = Omit<ContentPage, 'id' | 'updatedAt'>;
export type PageListQuery = { q?: string; limit: number; cursor?: number };

export interface PageRepo {
  list(query: PageListQuery): Promise<{ items: ContentPage[]; nextCursor: number | null }>;
  byId(id: number): Promise<ContentPage | null>;
  bySlug(slug: string): Promise<ContentPage | null>;
  insert(page: PageRecord, at: Date): Promise<ContentPage>;
  update(id: number, page: PageRecord, at: Date): Promise<ContentPage | null>;
  delete(id: number): Promise<boolean>;
  /** Published pages linked from the storefront menu or footer, in their order. */
  linked(where: 'menu' | 'footer'): Promise<Pick<ContentPage, 'slug' | 'title'>[]>;
  countPublished(): Promise<number>;
}
