/** One lead-opportunity as the mock keeps it: the request's members, flattened. */
export interface StoredObject {
  owner: string;
  id: string;
  /** The resource's attributes plus the body's other members (offerLines, customerLegalEntity, ...). */
  fields: Record<string, unknown>;
}

/** Objects by 3DS id, and per API key by partner id ("" is "no partner id", never indexed). */
export class Store {
  private readonly byId = new Map<string, StoredObject>();
  private readonly byPartnerId = new Map<string, Map<string, string>>();

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): StoredObject | undefined {
    return this.byId.get(id);
  }

  /** The id of the caller's object with this partner id, if any. */
  idOfPartnerId(owner: string, partnerId: string): string | undefined {
    return this.byPartnerId.get(owner)?.get(partnerId);
  }

  save(object: StoredObject, partnerId: unknown, previousPartnerId?: unknown): void {
    this.byId.set(object.id, object);
    let index = this.byPartnerId.get(object.owner);
    if (!index) this.byPartnerId.set(object.owner, (index = new Map()));
    if (typeof previousPartnerId === 'string' && index.get(previousPartnerId) === object.id) {
      index.delete(previousPartnerId);
    }
    if (typeof partnerId === 'string' && partnerId !== '') index.set(partnerId, object.id);
  }

  /** Objects in creation order, the caller's only unless `owner` is undefined. */
  list(owner?: string): StoredObject[] {
    const all = [...this.byId.values()];
    return owner === undefined ? all : all.filter((o) => o.owner === owner);
  }

  clear(): void {
    this.byId.clear();
    this.byPartnerId.clear();
  }
}
