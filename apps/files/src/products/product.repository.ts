import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface NewProduct {
  team_id: string;
  owner_id: string;
  sku: string;
  name: string;
  attributes: Record<string, string>;
  shooting_id: string | null;
  bulk_upload_id: string;
}

/** Products: a SKU per team, a name, the CSV's other columns as attributes; images are media attachments. */
@Injectable()
export class ProductRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async exists(teamId: string, sku: string): Promise<boolean> {
    const rows = await this.dataSource.query('SELECT 1 FROM files.products WHERE team_id = $1 AND sku = $2', [
      teamId,
      sku,
    ]);
    return rows.length > 0;
  }

  /** The new product's id, or null when the team already has the SKU. */
  async insert(manager: EntityManager, product: NewProduct): Promise<string | null> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO files.products (team_id, owner_id, sku, name, attributes, shooting_id, bulk_upload_id)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7) ON CONFLICT (team_id, sku) DO NOTHING RETURNING id`,
      [
        product.team_id,
        product.owner_id,
        product.sku,
        product.name,
        JSON.stringify(product.attributes),
        product.shooting_id,
        product.bulk_upload_id,
      ],
    );
    return rows[0]?.id ?? null;
  }
}
