/** An image "app" of a team: every row and object key carries both. */
export interface ImageScope {
  team_id: string;
  app_key: string;
}
