import { Actor } from "./actor.entity";
import { InterneTaak } from "./interne-taak.entity";
import { Toewijzing } from "./toewijzing.entity";

export const opvolgingEntities = [Actor, InterneTaak, Toewijzing];
