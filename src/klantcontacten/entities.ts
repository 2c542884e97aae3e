import { ActorKlantcontact } from "./actor-klantcontact.entity";
import { Betrokkene } from "./betrokkene.entity";
import { Bijlage } from "./bijlage.entity";
import { Klantcontact } from "./klantcontact.entity";
import { Onderwerpobject } from "./onderwerpobject.entity";

export const klantcontactenEntities = [Klantcontact, Betrokkene, Onderwerpobject, Bijlage, ActorKlantcontact];
