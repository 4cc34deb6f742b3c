/** An organisation from ODS: the owning trust's name and its switchboard (not the team line). */
export interface Organisation {
  readonly odsCode: string;
  readonly name: string;
  /** As written by ODS, e.g. "0113 243 3144"; undefined when ODS holds none. */
  readonly switchboard: string | undefined;
}
