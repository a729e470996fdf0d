/**
 * The host's network databases as Debian 12 ships them (netbase: /etc/services, /etc/protocols,
 * /etc/networks): what getservbyname/getservbyport, getprotobyname/getprotobynumber and
 * getnetbyaddr answer. Only the TCP and UDP services are kept.
 */

/** getservbyport(port, "tcp"): the first name listed for the port. */
const TCP_BY_PORT: Record<number, string> = {
  1:'tcpmux',7:'echo',9:'discard',11:'systat',13:'daytime',15:'netstat',17:'qotd',19:'chargen',20:'ftp-data',21:'ftp',
  22:'ssh',23:'telnet',25:'smtp',37:'time',43:'whois',49:'tacacs',53:'domain',70:'gopher',79:'finger',80:'http',
  88:'kerberos',102:'iso-tsap',104:'acr-nema',106:'poppassd',110:'pop3',111:'sunrpc',113:'auth',119:'nntp',135:'epmap',
  139:'netbios-ssn',143:'imap2',161:'snmp',162:'snmp-trap',163:'cmip-man',164:'cmip-agent',174:'mailq',179:'bgp',
  199:'smux',209:'qmtp',210:'z3950',345:'pawserv',346:'zserv',369:'rpc2portmap',370:'codaauth2',389:'ldap',427:'svrloc',
  443:'https',444:'snpp',445:'microsoft-ds',464:'kpasswd',465:'submissions',487:'saft',512:'exec',513:'login',
  514:'shell',515:'printer',538:'gdomap',540:'uucp',543:'klogin',544:'kshell',548:'afpovertcp',554:'rtsp',563:'nntps',
  587:'submission',607:'nqs',628:'qmqp',631:'ipp',636:'ldaps',646:'ldp',655:'tinc',706:'silc',749:'kerberos-adm',
  750:'kerberos4',751:'kerberos-master',754:'krb-prop',775:'moira-db',777:'moira-update',783:'spamd',853:'domain-s',
  871:'supfilesrv',873:'rsync',989:'ftps-data',990:'ftps',992:'telnets',993:'imaps',995:'pop3s',1080:'socks',
  1093:'proofd',1094:'rootd',1099:'rmiregistry',1127:'supfiledbg',1178:'skkserv',1194:'openvpn',1236:'rmtcfg',
  1313:'xtel',1314:'xtelw',1352:'lotusnote',1433:'ms-sql-s',1524:'ingreslock',1645:'datametrics',1646:'sa-msg-port',
  1649:'kermit',1677:'groupwise',1812:'radius',1813:'radius-acct',2000:'cisco-sccp',2049:'nfs',2086:'gnunet',
  2101:'rtcm-sc104',2119:'gsigatekeeper',2121:'iprop',2135:'gris',2401:'cvspserver',2430:'venus',2431:'venus-se',
  2432:'codasrv',2433:'codasrv-se',2583:'mon',2600:'zebrasrv',2601:'zebra',2602:'ripd',2603:'ripngd',2604:'ospfd',
  2605:'bgpd',2606:'ospf6d',2607:'ospfapi',2608:'isisd',2628:'dict',2792:'f5-globalsite',2811:'gsiftp',2947:'gpsd',
  3050:'gds-db',3205:'isns',3260:'iscsi-target',3306:'mysql',3389:'ms-wbt-server',3493:'nut',3632:'distcc',3689:'daap',
  3690:'svn',4031:'suucp',4094:'sysrqd',4190:'sieve',4353:'f5-iquery',4369:'epmd',4373:'remctl',4460:'ntske',4557:'fax',
  4559:'hylafax',4691:'mtn',4899:'radmin-port',4949:'munin',5060:'sip',5061:'sip-tls',5222:'xmpp-client',
  5269:'xmpp-server',5308:'cfengine',5432:'postgresql',5556:'freeciv',5666:'nrpe',5667:'nsca',5671:'amqps',5672:'amqp',
  5680:'canna',6000:'x11',6001:'x11-1',6002:'x11-2',6003:'x11-3',6004:'x11-4',6005:'x11-5',6006:'x11-6',6007:'x11-7',
  6346:'gnutella-svc',6347:'gnutella-rtr',6379:'redis',6444:'sge-qmaster',6445:'sge-execd',6446:'mysql-proxy',
  6514:'syslog-tls',6566:'sane-port',6667:'ircd',6697:'ircs-u',7000:'bbs',7100:'font-service',8021:'zope-ftp',
  8080:'http-alt',8081:'tproxy',8088:'omniorb',8140:'puppet',8990:'clc-build-daemon',9098:'xinetd',9101:'bacula-dir',
  9102:'bacula-fd',9103:'bacula-sd',9418:'git',9667:'xmms2',9673:'zope',10000:'webmin',10050:'zabbix-agent',
  10051:'zabbix-trapper',10080:'amanda',10081:'kamanda',10082:'amandaidx',10083:'amidxtape',10809:'nbd',11112:'dicom',
  11371:'hkp',17004:'sgi-cad',17500:'db-lsp',22125:'dcap',22128:'gsidcap',22273:'wnn6',24554:'binkp',27374:'asp',
  30865:'csync2',57000:'dircproxy',60177:'tfido',60179:'fido',
};

const UDP_BY_PORT: Record<number, string> = {
  7:'echo',9:'discard',13:'daytime',19:'chargen',21:'fsp',37:'time',49:'tacacs',53:'domain',67:'bootps',68:'bootpc',
  69:'tftp',88:'kerberos',111:'sunrpc',123:'ntp',137:'netbios-ns',138:'netbios-dgm',161:'snmp',162:'snmp-trap',
  163:'cmip-man',164:'cmip-agent',177:'xdmcp',213:'ipx',319:'ptp-event',320:'ptp-general',369:'rpc2portmap',
  370:'codaauth2',371:'clearcase',389:'ldap',427:'svrloc',443:'https',464:'kpasswd',500:'isakmp',512:'biff',513:'who',
  514:'syslog',517:'talk',518:'ntalk',520:'route',538:'gdomap',546:'dhcpv6-client',547:'dhcpv6-server',554:'rtsp',
  623:'asf-rmcp',636:'ldaps',646:'ldp',655:'tinc',750:'kerberos4',751:'kerberos-master',752:'passwd-server',
  779:'moira-ureg',853:'domain-s',1194:'openvpn',1210:'predict',1434:'ms-sql-m',1645:'datametrics',1646:'sa-msg-port',
  1701:'l2f',1812:'radius',1813:'radius-acct',2049:'nfs',2086:'gnunet',2101:'rtcm-sc104',2102:'zephyr-srv',
  2103:'zephyr-clt',2104:'zephyr-hm',2430:'venus',2431:'venus-se',2432:'codasrv',2433:'codasrv-se',2583:'mon',
  3130:'icpv2',3205:'isns',3493:'nut',4500:'ipsec-nat-t',4569:'iax',5060:'sip',5061:'sip-tls',5353:'mdns',5555:'rplay',
  6346:'gnutella-svc',6347:'gnutella-rtr',6696:'babel',7000:'afs3-fileserver',7001:'afs3-callback',7002:'afs3-prserver',
  7003:'afs3-vlserver',7004:'afs3-kaserver',7005:'afs3-volser',7007:'afs3-bos',7008:'afs3-update',7009:'afs3-rmtsys',
  17001:'sgi-cmsd',17002:'sgi-crsd',17003:'sgi-gcd',27374:'asp',
};

/** getservbyname(name, proto): names and aliases. */
const TCP_BY_NAME: Record<string, number> = {
  'tcpmux':1,'echo':7,'discard':9,'null':9,'sink':9,'systat':11,'users':11,'daytime':13,'netstat':15,'qotd':17,
  'quote':17,'chargen':19,'source':19,'ttytst':19,'ftp-data':20,'ftp':21,'ssh':22,'telnet':23,'mail':25,'smtp':25,
  'time':37,'timserver':37,'nicname':43,'whois':43,'tacacs':49,'domain':53,'gopher':70,'finger':79,'http':80,'www':80,
  'kerberos':88,'kerberos-sec':88,'kerberos5':88,'krb5':88,'iso-tsap':102,'tsap':102,'acr-nema':104,'dicom':104,
  'poppassd':106,'pop-3':110,'pop3':110,'portmapper':111,'sunrpc':111,'auth':113,'authentication':113,'ident':113,
  'tap':113,'nntp':119,'readnews':119,'untp':119,'epmap':135,'loc-srv':135,'netbios-ssn':139,'imap':143,'imap2':143,
  'snmp':161,'snmp-trap':162,'snmptrap':162,'cmip-man':163,'cmip-agent':164,'mailq':174,'bgp':179,'smux':199,'qmtp':209,
  'wais':210,'z3950':210,'pawserv':345,'zserv':346,'rpc2portmap':369,'codaauth2':370,'ldap':389,'svrloc':427,
  'https':443,'snpp':444,'microsoft-ds':445,'kpasswd':464,'smtps':465,'ssmtp':465,'submissions':465,'urd':465,
  'saft':487,'exec':512,'login':513,'cmd':514,'shell':514,'syslog':514,'printer':515,'spooler':515,'gdomap':538,
  'uucp':540,'uucpd':540,'klogin':543,'krcmd':544,'kshell':544,'afpovertcp':548,'rtsp':554,'nntps':563,'snntp':563,
  'submission':587,'nqs':607,'qmqp':628,'ipp':631,'ldaps':636,'ldp':646,'tinc':655,'silc':706,'kerberos-adm':749,
  'kdc':750,'kerberos-iv':750,'kerberos4':750,'kerberos-master':751,'hprop':754,'krb-prop':754,'krb5_prop':754,
  'krb_prop':754,'moira-db':775,'moira_db':775,'moira-update':777,'moira_update':777,'spamd':783,'domain-s':853,
  'supfilesrv':871,'rsync':873,'ftps-data':989,'ftps':990,'telnets':992,'imaps':993,'pop3s':995,'socks':1080,
  'proofd':1093,'rootd':1094,'rmiregistry':1099,'supfiledbg':1127,'skkserv':1178,'openvpn':1194,'rmtcfg':1236,
  'xtel':1313,'xtelw':1314,'lotusnote':1352,'lotusnotes':1352,'ms-sql-s':1433,'ingreslock':1524,'datametrics':1645,
  'old-radius':1645,'old-radacct':1646,'sa-msg-port':1646,'kermit':1649,'groupwise':1677,'radius':1812,'radacct':1813,
  'radius-acct':1813,'cisco-sccp':2000,'nfs':2049,'gnunet':2086,'rtcm-sc104':2101,'gsigatekeeper':2119,'iprop':2121,
  'gris':2135,'cvspserver':2401,'venus':2430,'venus-se':2431,'codasrv':2432,'codasrv-se':2433,'mon':2583,
  'zebrasrv':2600,'zebra':2601,'ripd':2602,'ripngd':2603,'ospfd':2604,'bgpd':2605,'ospf6d':2606,'ospfapi':2607,
  'isisd':2608,'dict':2628,'f5-globalsite':2792,'gsiftp':2811,'gpsd':2947,'gds-db':3050,'gds_db':3050,'isns':3205,
  'iscsi-target':3260,'mysql':3306,'ms-wbt-server':3389,'nut':3493,'distcc':3632,'daap':3689,'subversion':3690,
  'svn':3690,'suucp':4031,'sysrqd':4094,'sieve':4190,'f5-iquery':4353,'epmd':4369,'remctl':4373,'ntske':4460,'fax':4557,
  'hylafax':4559,'mtn':4691,'radmin-port':4899,'lrrd':4949,'munin':4949,'sip':5060,'sip-tls':5061,'jabber-client':5222,
  'xmpp-client':5222,'jabber-server':5269,'xmpp-server':5269,'cfengine':5308,'postgres':5432,'postgresql':5432,
  'freeciv':5556,'rptp':5556,'nrpe':5666,'nsca':5667,'amqps':5671,'amqp':5672,'canna':5680,'x11':6000,'x11-0':6000,
  'x11-1':6001,'x11-2':6002,'x11-3':6003,'x11-4':6004,'x11-5':6005,'x11-6':6006,'x11-7':6007,'gnutella-svc':6346,
  'gnutella-rtr':6347,'redis':6379,'sge-qmaster':6444,'sge_qmaster':6444,'sge-execd':6445,'sge_execd':6445,
  'mysql-proxy':6446,'syslog-tls':6514,'sane':6566,'sane-port':6566,'saned':6566,'ircd':6667,'ircs-u':6697,'bbs':7000,
  'font-service':7100,'xfs':7100,'zope-ftp':8021,'http-alt':8080,'webcache':8080,'tproxy':8081,'omniorb':8088,
  'puppet':8140,'clc-build-daemon':8990,'xinetd':9098,'bacula-dir':9101,'bacula-fd':9102,'bacula-sd':9103,'git':9418,
  'xmms2':9667,'zope':9673,'webmin':10000,'zabbix-agent':10050,'zabbix-trapper':10051,'amanda':10080,'kamanda':10081,
  'amandaidx':10082,'amidxtape':10083,'nbd':10809,'hkp':11371,'sgi-cad':17004,'db-lsp':17500,'dcap':22125,
  'gsidcap':22128,'wnn6':22273,'binkp':24554,'asp':27374,'csync2':30865,'dircproxy':57000,'tfido':60177,'fido':60179,
};

const UDP_BY_NAME: Record<string, number> = {
  'echo':7,'discard':9,'null':9,'sink':9,'daytime':13,'chargen':19,'source':19,'ttytst':19,'fsp':21,'fspd':21,'time':37,
  'timserver':37,'tacacs':49,'domain':53,'bootps':67,'bootpc':68,'tftp':69,'kerberos':88,'kerberos-sec':88,
  'kerberos5':88,'krb5':88,'portmapper':111,'sunrpc':111,'ntp':123,'netbios-ns':137,'netbios-dgm':138,'snmp':161,
  'snmp-trap':162,'snmptrap':162,'cmip-man':163,'cmip-agent':164,'xdmcp':177,'ipx':213,'ptp-event':319,
  'ptp-general':320,'rpc2portmap':369,'codaauth2':370,'Clearcase':371,'clearcase':371,'ldap':389,'svrloc':427,
  'https':443,'kpasswd':464,'isakmp':500,'biff':512,'comsat':512,'who':513,'whod':513,'syslog':514,'talk':517,
  'ntalk':518,'route':520,'routed':520,'router':520,'gdomap':538,'dhcpv6-client':546,'dhcpv6-server':547,'rtsp':554,
  'asf-rmcp':623,'ldaps':636,'ldp':646,'tinc':655,'kdc':750,'kerberos-iv':750,'kerberos4':750,'kerberos-master':751,
  'kerberos_master':751,'passwd-server':752,'passwd_server':752,'moira-ureg':779,'moira_ureg':779,'domain-s':853,
  'openvpn':1194,'predict':1210,'ms-sql-m':1434,'datametrics':1645,'old-radius':1645,'old-radacct':1646,
  'sa-msg-port':1646,'l2f':1701,'l2tp':1701,'radius':1812,'radacct':1813,'radius-acct':1813,'nfs':2049,'gnunet':2086,
  'rtcm-sc104':2101,'zephyr-srv':2102,'zephyr-clt':2103,'zephyr-hm':2104,'venus':2430,'venus-se':2431,'codasrv':2432,
  'codasrv-se':2433,'mon':2583,'icp':3130,'icpv2':3130,'isns':3205,'nut':3493,'ipsec-nat-t':4500,'iax':4569,'sip':5060,
  'sip-tls':5061,'mdns':5353,'rplay':5555,'gnutella-svc':6346,'gnutella-rtr':6347,'babel':6696,'afs3-fileserver':7000,
  'afs3-callback':7001,'afs3-prserver':7002,'afs3-vlserver':7003,'afs3-kaserver':7004,'afs3-volser':7005,
  'afs3-bos':7007,'afs3-update':7008,'afs3-rmtsys':7009,'sgi-cmsd':17001,'sgi-crsd':17002,'sgi-gcd':17003,'asp':27374,
};

const PROTO_BY_NUMBER: Record<number, string> = {
  0:'ip',1:'icmp',2:'igmp',3:'ggp',4:'ipencap',5:'st',6:'tcp',8:'egp',9:'igp',12:'pup',17:'udp',20:'hmp',22:'xns-idp',
  27:'rdp',29:'iso-tp4',33:'dccp',36:'xtp',37:'ddp',38:'idpr-cmtp',41:'ipv6',43:'ipv6-route',44:'ipv6-frag',45:'idrp',
  46:'rsvp',47:'gre',50:'esp',51:'ah',57:'skip',58:'ipv6-icmp',59:'ipv6-nonxt',60:'ipv6-opts',73:'rspf',81:'vmtp',
  88:'eigrp',89:'ospf',93:'ax.25',94:'ipip',97:'etherip',98:'encap',103:'pim',108:'ipcomp',112:'vrrp',115:'l2tp',
  124:'isis',132:'sctp',133:'fc',135:'mobility-header',136:'udplite',137:'mpls-in-ip',138:'manet',139:'hip',140:'shim6',
  141:'wesp',142:'rohc',143:'ethernet',262:'mptcp',
};

const PROTO_BY_NAME: Record<string, number> = {
  'HOPOPT':0,'IP':0,'hopopt':0,'ip':0,'ICMP':1,'icmp':1,'IGMP':2,'igmp':2,'GGP':3,'ggp':3,'IP-ENCAP':4,'ipencap':4,
  'ST':5,'st':5,'TCP':6,'tcp':6,'EGP':8,'egp':8,'IGP':9,'igp':9,'PUP':12,'pup':12,'UDP':17,'udp':17,'HMP':20,'hmp':20,
  'XNS-IDP':22,'xns-idp':22,'RDP':27,'rdp':27,'ISO-TP4':29,'iso-tp4':29,'DCCP':33,'dccp':33,'XTP':36,'xtp':36,'DDP':37,
  'ddp':37,'IDPR-CMTP':38,'idpr-cmtp':38,'IPv6':41,'ipv6':41,'IPv6-Route':43,'ipv6-route':43,'IPv6-Frag':44,
  'ipv6-frag':44,'IDRP':45,'idrp':45,'RSVP':46,'rsvp':46,'GRE':47,'gre':47,'IPSEC-ESP':50,'esp':50,'IPSEC-AH':51,
  'ah':51,'SKIP':57,'skip':57,'IPv6-ICMP':58,'ipv6-icmp':58,'IPv6-NoNxt':59,'ipv6-nonxt':59,'IPv6-Opts':60,
  'ipv6-opts':60,'CPHB':73,'RSPF':73,'rspf':73,'VMTP':81,'vmtp':81,'EIGRP':88,'eigrp':88,'OSPFIGP':89,'ospf':89,
  'AX.25':93,'ax.25':93,'IPIP':94,'ipip':94,'ETHERIP':97,'etherip':97,'ENCAP':98,'encap':98,'PIM':103,'pim':103,
  'IPCOMP':108,'ipcomp':108,'VRRP':112,'vrrp':112,'L2TP':115,'l2tp':115,'ISIS':124,'isis':124,'SCTP':132,'sctp':132,
  'FC':133,'fc':133,'Mobility-Header':135,'mobility-header':135,'UDPLite':136,'udplite':136,'MPLS-in-IP':137,
  'mpls-in-ip':137,'manet':138,'HIP':139,'hip':139,'Shim6':140,'shim6':140,'WESP':141,'wesp':141,'ROHC':142,'rohc':142,
  'Ethernet':143,'ethernet':143,'MPTCP':262,'mptcp':262,
};

/** /etc/networks */
const NETWORKS: Record<string, number> = { default: 0, loopback: 0x7f000000, 'link-local': 0xa9fe0000 };

export function serviceName(port: number, proto: string): string | undefined {
  const table = proto === 'tcp' ? TCP_BY_PORT : proto === 'udp' ? UDP_BY_PORT : undefined;
  return table && Object.prototype.hasOwnProperty.call(table, port) ? table[port] : undefined;
}

/** getservbyname(name, proto); proto "any" is getservbyname(name, NULL). */
export function servicePort(name: string, proto: string): number | undefined {
  if (proto === 'any') return servicePort(name, 'tcp') ?? servicePort(name, 'udp');
  const table = proto === 'tcp' ? TCP_BY_NAME : proto === 'udp' ? UDP_BY_NAME : undefined;
  return table && Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
}

export function protocolName(num: number): string | undefined {
  return Object.prototype.hasOwnProperty.call(PROTO_BY_NUMBER, num) ? PROTO_BY_NUMBER[num] : undefined;
}

export function protocolNumber(name: string): number | undefined {
  return Object.prototype.hasOwnProperty.call(PROTO_BY_NAME, name) ? PROTO_BY_NAME[name] : undefined;
}

/** getnetbyaddr: the network name of an address with no host bits in its class, if any. */
export function networkName(addr: number): string | undefined {
  return Object.keys(NETWORKS).find((n) => NETWORKS[n] === addr);
}

export function networkAddr(name: string): number | undefined {
  return Object.prototype.hasOwnProperty.call(NETWORKS, name) ? NETWORKS[name] : undefined;
}
