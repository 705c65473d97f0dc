"""Firefox's console in other languages (and IE's in Chinese): localized wordings for explain.

Firefox localizes its console: a French user pastes "Blocage d’une requête multiorigine …", not
"Cross-Origin Request Blocked …". The strings below are copied verbatim from Firefox's own l10n files,
``<lang>/dom/chrome/security/security.properties`` in github:mozilla-l10n/firefox-l10n (the commit of
each file is in ``SOURCES``); ``%1$S`` is the URL and ``%2$S`` the value each key names. Each line
becomes a whole-message ``Wording(browser="firefox", language=…)`` (a localized frame is not split into
frame and reason: translators word each key as one sentence).

``OLDER`` holds earlier revisions of those strings (Firefox renamed and retranslated keys over the
years), each seen verbatim in a public paste of tests/explain_corpus, named next to it.

Keys: ``l10n.<language>.<failure>.<n>``, read back as ``<failure>`` (see ``policy_core/messages/legacy.py``
for the key convention; ``policy_core.explain.patterns.base_key``).
"""

from __future__ import annotations

from . import CATALOGUE
from .catalogue import CURRENT, EDGE, FIREFOX, Message, Wording
from .codes import Failure

SOURCES = {
    "fr": "github:mozilla-l10n/firefox-l10n@015b8546462b2f02c59805e5b9d0740f89afb0eb:fr/dom/chrome/security/security.properties",
    "de": "github:mozilla-l10n/firefox-l10n@007cca4c9d6b8ff7267cc937a9ccdb4d45e3c932:de/dom/chrome/security/security.properties",
    "es-ES": "github:mozilla-l10n/firefox-l10n@1cc6d82fb9d7180c536881295bd183be8e4c80b8:es-ES/dom/chrome/security/security.properties",
    "ja": "github:mozilla-l10n/firefox-l10n@04a5720975e3627aae29a9de71f1c132742ee587:ja/dom/chrome/security/security.properties",
    "pt-BR": "github:mozilla-l10n/firefox-l10n@041b3564746b478a6898f2f7e85d25c005f1ea28:pt-BR/dom/chrome/security/security.properties",
    "ru": "github:mozilla-l10n/firefox-l10n@08b37a6459f0bcac44fbdd620b5cb8f5af927f9d:ru/dom/chrome/security/security.properties",
    "zh-CN": "github:mozilla-l10n/firefox-l10n@00b2f0d107af7624f9e2db5352d41a46dd5d158c:zh-CN/dom/chrome/security/security.properties",
    "zh-TW": "github:mozilla-l10n/firefox-l10n@081e2d168b8967006ee748bcb8280324f7d5aba7:zh-TW/dom/chrome/security/security.properties",
}

# The keys explain knows: the failure each names, and what %2$S is (None: the key has no second value).
KEYS: dict[str, tuple[Failure, str | None]] = {
    "CORSDisabled": (Failure.CORS_DISABLED, None),
    "CORSDidNotSucceed": (Failure.REQUEST_DID_NOT_SUCCEED, None),
    "CORSDidNotSucceed2": (Failure.REQUEST_DID_NOT_SUCCEED, "status"),
    "CORSOriginHeaderNotAdded": (Failure.ORIGIN_HEADER_NOT_ADDED, None),
    "CORSExternalRedirectNotAllowed": (Failure.PREFLIGHT_DISALLOWED_REDIRECT, None),
    "CORSRequestNotHttp": (Failure.SCHEME_NOT_SUPPORTED, None),
    "CORSMissingAllowOrigin": (Failure.MISSING_ALLOW_ORIGIN, None),
    "CORSMissingAllowOrigin2": (Failure.MISSING_ALLOW_ORIGIN, "status"),
    "CORSMultipleAllowOriginNotAllowed": (Failure.MULTIPLE_ALLOW_ORIGIN, None),
    "CORSAllowOriginNotMatchingOrigin": (Failure.ALLOW_ORIGIN_MISMATCH, "value"),
    "CORSNotSupportingCredentials": (Failure.WILDCARD_WITH_CREDENTIALS, None),
    "CORSMethodNotFound": (Failure.METHOD_NOT_ALLOWED, None),
    "CORSMissingAllowCredentials": (Failure.INVALID_ALLOW_CREDENTIALS, None),
    "CORSPreflightDidNotSucceed": (Failure.PREFLIGHT_INVALID_STATUS, None),
    "CORSPreflightDidNotSucceed2": (Failure.PREFLIGHT_INVALID_STATUS, None),
    "CORSPreflightDidNotSucceed3": (Failure.PREFLIGHT_INVALID_STATUS, "status"),
    "CORSInvalidAllowMethod": (Failure.INVALID_ALLOW_METHODS, "token"),
    "CORSInvalidAllowHeader": (Failure.INVALID_ALLOW_HEADERS, "token"),
    "CORSMissingAllowHeaderFromPreflight": (Failure.HEADER_NOT_ALLOWED, "header"),
    "CORSMissingAllowHeaderFromPreflight2": (Failure.HEADER_NOT_ALLOWED, "header"),
    "BlockMixedActiveContent": (Failure.MIXED_CONTENT, None),
    "BlockMixedDisplayContent": (Failure.MIXED_CONTENT, None),
    "CrossSiteRequestBlocked": (Failure.CORS_BLOCKED, None),  # Firefox 24-37: no reason given
}

# Verbatim lines of each file (the keys above; the rest of the file is not about the same-origin policy).
PROPERTIES: dict[str, str] = {
    "fr": """\
BlockMixedDisplayContent = Blocage du chargement du contenu mixte d’affichage (mixed display content) « %1$S »
BlockMixedActiveContent = Blocage du chargement du contenu mixte actif (mixed active content) « %1$S »
CORSDisabled = Blocage d’une requête multiorigine (Cross-Origin Request) : la politique « Same Origin » ne permet pas de consulter la ressource distante située sur %1$S. Raison : CORS désactivé.
CORSDidNotSucceed2 = Blocage d’une requête multiorigine (Cross-Origin Request) : la politique « Same Origin » ne permet pas de consulter la ressource distante située sur %1$S. Raison : échec de la requête CORS. Code d’état : %2$S.
CORSOriginHeaderNotAdded = Blocage d’une requête multiorigine (Cross-Origin Request) : la politique « Same Origin » ne permet pas de consulter la ressource distante située sur %1$S. Raison : l’en-tête CORS « Origin » ne peut pas être ajouté.
CORSExternalRedirectNotAllowed = Blocage d’une requête multiorigine (Cross-Origin Request) : la politique « Same Origin » ne permet pas de consulter la ressource distante située sur %1$S. Raison : la redirection externe de requêtes CORS n’est pas autorisée.
CORSRequestNotHttp = Blocage d’une requête multiorigine (Cross-Origin Request) : la politique « Same Origin » ne permet pas de consulter la ressource distante située sur %1$S. Raison : la requête CORS n’utilise pas HTTP.
CORSMissingAllowOrigin2 = Blocage d’une requête multiorigines (Cross-Origin Request) : la politique « Same Origin » ne permet pas de consulter la ressource distante située sur %1$S. Raison : l’en-tête CORS « Access-Control-Allow-Origin » est manquant. Code d’état : %2$S.
CORSMultipleAllowOriginNotAllowed = Blocage d’une requête multiorigine (Cross-Origin Request) : la politique « Same Origin » ne permet pas de consulter la ressource distante située sur %1$S. Raison : le recours à plusieurs en-têtes CORS « Access-Control-Allow-Origin » n’est pas autorisé.
CORSAllowOriginNotMatchingOrigin = Blocage d’une requête multiorigine (Cross-Origin Request) : la politique « Same Origin » ne permet pas de consulter la ressource distante située sur %1$S. Raison : l’en-tête CORS « Access-Control-Allow-Origin » ne correspond pas à « %2$S ».
CORSNotSupportingCredentials = Blocage d’une requête multiorigine (Cross-Origin Request) : la politique « Same Origin » ne permet pas de consulter la ressource distante située sur %1$S. Raison : l’identification n’est pas prise en charge si la valeur de l’en-tête CORS « Access-Control-Allow-Origin » est « * ».
CORSMethodNotFound = Blocage d’une requête multiorigine (Cross-Origin Request) : la politique « Same Origin » ne permet pas de consulter la ressource distante située sur %1$S. Raison : méthode manquante dans l’en-tête « Access-Control-Allow-Methods ».
CORSMissingAllowCredentials = Blocage d’une requête multiorigine (Cross-Origin Request) : la politique « Same Origin » ne permet pas de consulter la ressource distante située sur %1$S. Raison : « true » attendu dans l’en-tête CORS « Access-Control-Allow-Credentials ».
CORSPreflightDidNotSucceed3 = Blocage d’une requête multiorigine (Cross-Origin Request) : la politique « Same Origin » ne permet pas de consulter la ressource distante située sur %1$S. Raison : échec de la réponse de pré-vérification des requêtes CORS. Code d’état : %2$S.
CORSInvalidAllowMethod = Blocage d’une requête multiorigine (Cross-Origin Request) : la politique « Same Origin » ne permet pas de consulter la ressource distante située sur %1$S. Raison : jeton « %2$S » invalide dans l’en-tête CORS « Access-Control-Allow-Methods ».
CORSInvalidAllowHeader = Blocage d’une requête multiorigine (Cross-Origin Request) : la politique « Same Origin » ne permet pas de consulter la ressource distante située sur %1$S. Raison : jeton « %2$S » invalide dans l’en-tête CORS « Access-Control-Allow-Headers ».
CORSMissingAllowHeaderFromPreflight2 = Blocage d’une requête multiorigine (Cross-Origin Request) : la politique « Same Origin » ne permet pas de consulter la ressource distante située sur %1$S. Raison : l’en-tête « %2$S » n’est pas autorisé d’après l’en-tête « Access-Control-Allow-Headers » de la réponse de pré-vérification des requêtes CORS.
""",
    "de": """\
BlockMixedDisplayContent = Laden von gemischten Ansichtsinhalten "%1$S" wurde blockiert.
BlockMixedActiveContent = Laden von gemischten aktiven Inhalten "%1$S" wurde blockiert.
CORSDisabled=Quellübergreifende (Cross-Origin) Anfrage blockiert: Die Gleiche-Quelle-Regel verbietet das Lesen der externen Ressource auf %1$S. (Grund: CORS deaktiviert).
CORSDidNotSucceed2=Quellübergreifende (Cross-Origin) Anfrage blockiert: Die Gleiche-Quelle-Regel verbietet das Lesen der externen Ressource auf %1$S. (Grund: CORS-Anfrage schlug fehl). Statuscode: %2$S.
CORSOriginHeaderNotAdded=Quellübergreifende (Cross-Origin) Anfrage blockiert: Die Gleiche-Quelle-Regel verbietet das Lesen der externen Ressource auf %1$S. (Grund: CORS-Kopfzeile 'Origin' konnte nicht hinzugefügt werden).
CORSExternalRedirectNotAllowed=Quellübergreifende (Cross-Origin) Anfrage blockiert: Die Gleiche-Quelle-Regel verbietet das Lesen der externen Ressource auf %1$S. (Grund: Externe Weiterleitung der CORS-Anfrage verboten).
CORSRequestNotHttp=Quellübergreifende (Cross-Origin) Anfrage blockiert: Die Gleiche-Quelle-Regel verbietet das Lesen der externen Ressource auf %1$S. (Grund: CORS-Anfrage war nicht http).
CORSMissingAllowOrigin2=Quellübergreifende (Cross-Origin) Anfrage blockiert: Die Gleiche-Quelle-Regel verbietet das Lesen der externen Ressource auf %1$S. (Grund: CORS-Kopfzeile 'Access-Control-Allow-Origin' fehlt). Statuscode: %2$S.
CORSMultipleAllowOriginNotAllowed=Quellübergreifende (Cross-Origin) Anfrage blockiert: Die Gleiche-Quelle-Regel verbietet das Lesen der externen Ressource auf %1$S. (Grund: Es darf nur ein eine CORS-Kopfzeile 'Access-Control-Allow-Origin' verwendet werden).
CORSAllowOriginNotMatchingOrigin=Quellübergreifende (Cross-Origin) Anfrage blockiert: Die Gleiche-Quelle-Regel verbietet das Lesen der externen Ressource auf %1$S. (Grund: CORS-Kopfzeile 'Access-Control-Allow-Origin' stimmt nicht mit '%2$S' überein).
CORSNotSupportingCredentials=Quellübergreifende (Cross-Origin) Anfrage blockiert: Die Gleiche-Quelle-Regel verbietet das Lesen der externen Ressource auf %1$S. (Grund: Berechtigung/Credential wird nicht unterstützt, wenn die CORS-Kopfzeile 'Access-Control-Allow-Origin' auf '*' gesetzt ist).
CORSMethodNotFound=Quellübergreifende (Cross-Origin) Anfrage blockiert: Die Gleiche-Quelle-Regel verbietet das Lesen der externen Ressource auf %1$S. (Grund: Methode nicht in CORS-Kopfzeile 'Access-Control-Allow-Methods' gefunden).
CORSMissingAllowCredentials=Quellübergreifende (Cross-Origin) Anfrage blockiert: Die Gleiche-Quelle-Regel verbietet das Lesen der externen Ressource auf %1$S. (Grund: 'true' in CORS-Kopfzeile 'Access-Control-Allow-Credentials' erwartet).
CORSPreflightDidNotSucceed3=Quellübergreifende (Cross-Origin) Anfrage blockiert: Die Gleiche-Quelle-Regel verbietet das Lesen der externen Ressource auf %1$S. (Grund: CORS-Preflight-Antwort schlug fehl). Statuscode: %2$S.
CORSInvalidAllowMethod=Quellübergreifende (Cross-Origin) Anfrage blockiert: Die Gleiche-Quelle-Regel verbietet das Lesen der externen Ressource auf %1$S. (Grund: ungültiges Token '%2$S' in CORS-Kopfzeile 'Access-Control-Allow-Methods').
CORSInvalidAllowHeader=Quellübergreifende (Cross-Origin) Anfrage blockiert: Die Gleiche-Quelle-Regel verbietet das Lesen der externen Ressource auf %1$S. (Grund: ungültiges Token '%2$S' in CORS-Kopfzeile 'Access-Control-Allow-Headers').
CORSMissingAllowHeaderFromPreflight2=Quellübergreifende (Cross-Origin) Anfrage blockiert: Die Gleiche-Quelle-Regel verbietet das Lesen der externen Ressource auf %1$S. (Grund: Kopfzeile '%2$S' ist aufgrund der Kopfzeile 'Access-Control-Allow-Headers' aus der CORS-Preflight-Antwort nicht zulässig).
""",
    "es-ES": """\
BlockMixedDisplayContent = Se ha bloqueado la carga del contenido visual mixto "%1$S"
BlockMixedActiveContent = Se ha bloqueado la carga del contenido activo mixto "%1$S"
CORSDisabled=Solicitud desde otro origen bloqueada: la política de mismo origen impide leer el recurso remoto en %1$S (razón: CORS desactivado).
CORSDidNotSucceed=Solicitud de origen cruzado bloqueada: La misma política de origen no permite la lectura de recursos remotos en %1$S. (Razón: Solicitud CORS sin éxito).
CORSOriginHeaderNotAdded=Solicitud de origen cruzado bloqueada: La misma política de origen no permite leer el recurso remoto en %1$S. (Razón: No se puede agregar el encabezado CORS ‘Origen’).
CORSExternalRedirectNotAllowed=Solicitud de origen cruzado bloqueada: La misma política de origen no permite leer el recurso remoto en %1$S. (Razón: No se permite la redirección externa de la solicitud CORS).
CORSRequestNotHttp=Solicitud desde otro origen bloqueada: la política de mismo origen impide leer el recurso remoto en %1$S (razón: la solicitud CORS no es http).
CORSMissingAllowOrigin=Solicitud desde otro origen bloqueada: la política de mismo origen impide leer el recurso remoto en %1$S (razón: falta la cabecera CORS 'Access-Control-Allow-Origin').
CORSMultipleAllowOriginNotAllowed=Solicitud de origen cruzado bloqueada: la política de mismo origen no permite la lectura del recurso remoto en %1$S. (Motivo: no se permiten múltiples cabeceras CORS ‘Access-Control-Allow-Origin’).
CORSAllowOriginNotMatchingOrigin=Solicitud desde otro origen bloqueada: la política de mismo origen impide leer el recurso remoto en %1$S (razón: la cabecera CORS 'Access-Control-Allow-Origin' no coincide con '%2$S').
CORSNotSupportingCredentials=Solicitud desde otro origen bloqueada: la política de mismo origen impide leer el recurso remoto en '%1$S' (razón: la credencial no se admite si la cabecera CORS 'Access-Control-Allow-Credentials' es '*').
CORSMethodNotFound=Solicitud desde otro origen bloqueada: la política de mismo origen impide leer el recurso remoto en %1$S (razón: token no se ha encontrado el método en la cabecera CORS 'Access-Control-Allow-Methods').
CORSMissingAllowCredentials=Solicitud desde otro origen bloqueada: la política de mismo origen impide leer el recurso remoto en %1$S (razón: se esperaba 'true' en la cabecera CORS 'Access-Control-Allow-Credentials').
CORSPreflightDidNotSucceed2=Solicitud de origen cruzado bloqueada: La política de mismo origen (Same Origin Policy) no permite la lectura de recursos remotos en %1$S. (Motivo: La respuesta CORS no tuvo éxito).
CORSInvalidAllowMethod=Solicitud desde otro origen bloqueada: la política de mismo origen impide leer el recurso remoto en %1$S (razón: token '%2$S' no válido en la cabecera CORS 'Access-Control-Allow-Methods').
CORSInvalidAllowHeader=Solicitud desde otro origen bloqueada: la política de mismo origen impide leer el recurso remoto en %1$S (razón: token '%2$S' no válido en la cabecera CORS 'Access-Control-Allow-Headers').
CORSMissingAllowHeaderFromPreflight2=Solicitud de origen cruzado bloqueada: La política de mismo origen (Same Origin Policy) no permite la lectura de recursos remotos en %1$S. (Motivo: La cabecera ‘%2$S’ no está permitida de acuerdo a la cabecera ‘Access-Control-Allow-Headers’ de la verificación previa de la respuesta CORS).
""",
    "ja": """\
BlockMixedDisplayContent		=混在表示コンテンツ “%1$S” の読み込みをブロックしました
BlockMixedActiveContent			=混在アクティブコンテンツ “%1$S” の読み込みをブロックしました
CORSDisabled				=クロスオリジン要求をブロックしました: 同一生成元ポリシーにより、%1$S にあるリモートリソースの読み込みは拒否されます (理由: CORS が無効)。
CORSDidNotSucceed			=クロスオリジン要求をブロックしました: 同一生成元ポリシーにより、%1$S にあるリモートリソースの読み込みは拒否されます (理由: CORS 要求が成功しなかった)。
CORSOriginHeaderNotAdded		=クロスオリジン要求をブロックしました: 同一生成元ポリシーにより、%1$S にあるリモートリソースの読み込みは拒否されます (理由: CORS ヘッダー ‘Origin’ を追加できなかった)。
CORSExternalRedirectNotAllowed		=クロスオリジン要求をブロックしました: 同一生成元ポリシーにより、%1$S にあるリモートリソースの読み込みは拒否されます (理由: CORS 要求の外部リダイレクトは許可されない)。
CORSRequestNotHttp			=クロスオリジン要求をブロックしました: 同一生成元ポリシーにより、%1$S にあるリモートリソースの読み込みは拒否されます (理由: CORS 要求が http でない)。
CORSMissingAllowOrigin			=クロスオリジン要求をブロックしました: 同一生成元ポリシーにより、%1$S にあるリモートリソースの読み込みは拒否されます (理由: CORS ヘッダー ‘Access-Control-Allow-Origin’ が足りない)。
CORSAllowOriginNotMatchingOrigin	=クロスオリジン要求をブロックしました: 同一生成元ポリシーにより、%1$S にあるリモートリソースの読み込みは拒否されます (理由: CORS ヘッダー ‘Access-Control-Allow-Origin’ が ‘%2$S’ と異なる)。
CORSNotSupportingCredentials		=クロスオリジン要求をブロックしました: 同一生成元ポリシーにより、%1$S にあるリモートリソースの読み込みは拒否されます (理由: CORS ヘッダー ‘Access-Control-Allow-Origin’ が ‘*’ である場合、認証情報はサポートされない)。
CORSMethodNotFound			=クロスオリジン要求をブロックしました: 同一生成元ポリシーにより、%1$S にあるリモートリソースの読み込みは拒否されます (理由: CORS ヘッダー ‘Access-Control-Allow-Methods’ にメソッドが見つからない)。
CORSMissingAllowCredentials		=クロスオリジン要求をブロックしました: 同一生成元ポリシーにより、%1$S にあるリモートリソースの読み込みは拒否されます (理由: CORS ヘッダー ‘Access-Control-Allow-Credentials’ は ‘true’ であるべき)。
CORSPreflightDidNotSucceed		=クロスオリジン要求をブロックしました: 同一生成元ポリシーにより、%1$S にあるリモートリソースの読み込みは拒否されます (理由: CORS プリフライトチャンネルが継承されていない)。
CORSInvalidAllowMethod			=クロスオリジン要求をブロックしました: 同一生成元ポリシーにより、%1$S にあるリモートリソースの読み込みは拒否されます (理由: CORS ヘッダー ‘Access-Control-Allow-Methods’ に不正なトークン ‘%2$S’ が含まれる)。
CORSInvalidAllowHeader			=クロスオリジン要求をブロックしました: 同一生成元ポリシーにより、%1$S にあるリモートリソースの読み込みは拒否されます (理由: CORS ヘッダー ‘Access-Control-Allow-Headers’ に不正なトークン ‘%2$S’ が含まれる)。
CORSMissingAllowHeaderFromPreflight	=クロスオリジン要求をブロックしました: 同一生成元ポリシーにより、%1$S にあるリモートリソースの読み込みは拒否されます (理由: CORS プリフライトチャンネルからの CORS ヘッダー ‘Access-Control-Allow-Headers’ にトークン ‘%2$S’ が足りない)。
""",
    "pt-BR": """\
BlockMixedDisplayContent = Bloqueado carregamento de conteúdo misto de exibição “%1$S”
BlockMixedActiveContent = Bloqueado carregamento de conteúdo misto ativo “%1$S”
CORSDisabled = Requisição cross-origin bloqueada: A diretiva Same Origin (mesma origem) não permite a leitura do recurso remoto em %1$S (motivo: CORS desativado).
CORSDidNotSucceed2 = Requisição cross-origin bloqueada: A diretiva Same Origin (mesma origem) não permite a leitura do recurso remoto em %1$S (motivo: falha na requisição CORS). Código de status: %2$S.
CORSOriginHeaderNotAdded = Requisição cross-origin bloqueada: A diretiva Same Origin (mesma origem) não permite a leitura do recurso remoto em %1$S (motivo: cabeçalho ‘Origin’ do CORS não pode ser adicionado).
CORSExternalRedirectNotAllowed = Requisição cross-origin bloqueada: A diretiva Same Origin (mesma origem) não permite a leitura do recurso remoto em %1$S (motivo: redirecionamento externo de requisição CORS não permitido).
CORSRequestNotHttp = Requisição cross-origin bloqueada: A diretiva Same Origin (mesma origem) não permite a leitura do recurso remoto em %1$S (motivo: requisição CORS não é http).
CORSMissingAllowOrigin2 = Requisição cross-origin bloqueada: A diretiva Same Origin (mesma origem) não permite a leitura do recurso remoto em %1$S (motivo: falta cabeçalho 'Access-Control-Allow-Origin' no CORS). Código de status: %2$S.
CORSMultipleAllowOriginNotAllowed = Requisição cross-origin bloqueada: A diretiva Same Origin (mesma origem) não permite a leitura do recurso remoto em %1$S (motivo: não é permitido vários cabeçalhos ‘Access-Control-Allow-Origin’ no CORS).
CORSAllowOriginNotMatchingOrigin = Requisição cross-origin bloqueada: A diretiva Same Origin (mesma origem) não permite a leitura do recurso remoto em %1$S (motivo: cabeçalho 'Access-Control-Allow-Origin' do CORS não corresponde a '%2$S').
CORSNotSupportingCredentials = Requisição cross-origin bloqueada: A diretiva Same Origin (mesma origem) não permite a leitura do recurso remoto em ‘%1$S’ (motivo: credencial não suportada se o cabeçalho ‘Access-Control-Allow-Origin’ do CORS for ‘*’).
CORSMethodNotFound = Requisição cross-origin bloqueada: A diretiva Same Origin (mesma origem) não permite a leitura do recurso remoto em %1$S (motivo: método não encontrado no cabeçalho 'Access-Control-Allow-Methods' do CORS ).
CORSMissingAllowCredentials = Requisição cross-origin bloqueada: A diretiva Same Origin (mesma origem) não permite a leitura do recurso remoto em %1$S (motivo: esperado 'true' no cabeçalho 'Access-Control-Allow-Credentials' do CORS).
CORSPreflightDidNotSucceed3 = Requisição cross-origin bloqueada: A diretiva Same Origin (mesma origem) não permite a leitura do recurso remoto em %1$S (motivo: falha na resposta de comprovação (preflight) do CORS). Código de status: %2$S.
CORSInvalidAllowMethod = Requisição cross-origin bloqueada: A diretiva Same Origin (mesma origem) não permite a leitura do recurso remoto em %1$S (motivo: token '%2$S' inválido no cabeçalho 'Access-Control-Allow-Methods' do CORS).
CORSInvalidAllowHeader = Requisição cross-origin bloqueada: A diretiva Same Origin (mesma origem) não permite a leitura do recurso remoto em %1$S (motivo: token ‘%2$S’ inválido no cabeçalho 'Access-Control-Allow-Headers' do CORS).
CORSMissingAllowHeaderFromPreflight2 = Requisição cross-origin bloqueada: A diretiva Same Origin (mesma origem) não permite a leitura do recurso remoto em %1$S (motivo: header ‘%2$S’ não permitido, de acordo com o header ‘Access-Control-Allow-Headers’ da resposta de comprovação (preflight) do CORS).
""",
    "ru": """\
BlockMixedDisplayContent = Заблокирована загрузка смешанного отображаемого содержимого «%1$S»
BlockMixedActiveContent = Заблокирована загрузка смешанного активного содержимого «%1$S»
CORSDisabled = Запрос из постороннего источника заблокирован: Политика одного источника запрещает чтение удаленного ресурса на %1$S. (Причина: CORS отключён).
CORSDidNotSucceed2 = Запрос из постороннего источника заблокирован: Политика одного источника запрещает чтение удаленного ресурса на %1$S. (Причина: не удалось выполнить запрос CORS). Код состояния: %2$S.
CORSOriginHeaderNotAdded = Запрос из постороннего источника заблокирован: Политика одного источника запрещает чтение удаленного ресурса на %1$S. (Причина: Не удалось добавить CORS-заголовок «Origin»).
CORSExternalRedirectNotAllowed = Запрос из постороннего источника заблокирован: Политика одного источника запрещает чтение удаленного ресурса на %1$S. (Причина: Внешнее перенаправление запроса CORS не разрешено).
CORSRequestNotHttp = Запрос из постороннего источника заблокирован: Политика одного источника запрещает чтение удаленного ресурса на %1$S. (Причина: запрос CORS выполнен не по http).
CORSMissingAllowOrigin2 = Запрос из постороннего источника заблокирован: Политика одного источника запрещает чтение удаленного ресурса на %1$S. (Причина: отсутствует заголовок CORS «Access-Control-Allow-Origin»). Код состояния: %2$S.
CORSMultipleAllowOriginNotAllowed = Запрос из постороннего источника заблокирован: Политика одного источника запрещает чтение удаленного ресурса на %1$S. (Причина: несколько заголовков CORS «Access-Control-Allow-Origin» не разрешены).
CORSAllowOriginNotMatchingOrigin = Запрос из постороннего источника заблокирован: Политика одного источника запрещает чтение удаленного ресурса на %1$S. (Причина: заголовок CORS «Access-Control-Allow-Origin» не совпадает с «%2$S»).
CORSNotSupportingCredentials = Запрос из постороннего источника заблокирован: Политика одного источника запрещает чтение удаленного ресурса на «%1$S». (Причина: Учётные данные не поддерживаются, если заголовок CORS «Access-Control-Allow-Origin» установлен в «*»).
CORSMethodNotFound = Запрос из постороннего источника заблокирован: Политика одного источника запрещает чтение удаленного ресурса на %1$S. (Причина: Не найден метод в заголовке CORS «Access-Control-Allow-Methods»).
CORSMissingAllowCredentials = Запрос из постороннего источника заблокирован: Политика одного источника запрещает чтение удаленного ресурса на %1$S. (Причина: в заголовке CORS «Access-Control-Allow-Credentials» ожидалось «true»).
CORSPreflightDidNotSucceed3 = Запрос из постороннего источника заблокирован: Политика одного источника запрещает чтение удаленного ресурса на %1$S. (Причина: неудача ответа CORS preflight). Код состояния: %2$S.
CORSInvalidAllowMethod = Запрос из постороннего источника заблокирован: Политика одного источника запрещает чтение удаленного ресурса на %1$S. (Причина: некорректный токен «%2$S» в заголовке CORS «Access-Control-Allow-Methods»).
CORSInvalidAllowHeader = Запрос из постороннего источника заблокирован: Политика одного источника запрещает чтение удаленного ресурса на %1$S. (Причина: некорректный токен «%2$S» в заголовке CORS «Access-Control-Allow-Headers»).
CORSMissingAllowHeaderFromPreflight2 = Запрос из постороннего источника заблокирован: Политика одного источника запрещает чтение удаленного ресурса на %1$S. (Причина: заголовок «%2$S» не разрешён согласно заголовку «Access-Control-Allow-Headers» из ответа CORS preflight).
""",
    "zh-CN": """\
BlockMixedDisplayContent = 已阻止显示混合内容“%1$S”
BlockMixedActiveContent = 已阻止载入混合活动内容“%1$S”
CORSDisabled=已拦截跨源请求：同源策略禁止读取位于 %1$S 的远程资源。（原因：CORS 未启用）。
CORSRequestNotHttp=已拦截跨源请求：同源策略禁止读取位于 %1$S 的远程资源。（原因：CORS 请求不是 http）。
CORSMissingAllowOrigin=已拦截跨源请求：同源策略禁止读取位于 %1$S 的远程资源。（原因：CORS 头缺少 'Access-Control-Allow-Origin'）。
CORSAllowOriginNotMatchingOrigin=已拦截跨源请求：同源策略禁止读取位于 %1$S 的远程资源。（原因：CORS 头 'Access-Control-Allow-Origin' 不匹配 '%2$S'）。
CORSMethodNotFound=已拦截跨源请求：同源策略禁止读取位于 %1$S 的远程资源。（原因：找不到 CORS 头中的 'Access-Control-Allow-Methods'）。
CORSMissingAllowCredentials=已拦截跨源请求：同源策略禁止读取位于 %1$S 的远程资源。（原因：CORS 头中的 'Access-Control-Allow-Credentials' 预期为 'true'）。
CORSPreflightDidNotSucceed=已拦截跨源请求：同源策略禁止读取位于 %1$S 的远程资源。（原因：CORS 预检通道未成功）。
CORSInvalidAllowMethod=已拦截跨源请求：同源策略禁止读取位于 %1$S 的远程资源。（原因：CORS 头 'Access-Control-Allow-Methods' 中的令牌 '%2$S' 无效）。
CORSInvalidAllowHeader=已拦截跨源请求：同源策略禁止读取位于 %1$S 的远程资源。（原因：CORS 头 'Access-Control-Allow-Headers' 中的令牌 '%2$S' 无效）。\\u0020
CORSMissingAllowHeaderFromPreflight=已拦截跨源请求：同源策略禁止读取位于 %1$S 的远程资源。（原因：来自 CORS 预检通道的 CORS 头 'Access-Control-Allow-Headers' 的令牌 '%2$S' 无效）。\\u0020
""",
    "zh-TW": """\
BlockMixedDisplayContent = 已封鎖載入混和的顯示內容「%1$S」
BlockMixedActiveContent = 已封鎖載入混和的主動內容「%1$S」
CORSDisabled = 已封鎖跨來源請求: 同源政策不允許讀取 %1$S 的遠端資源。（原因: 已停用 CORS）。
CORSDidNotSucceed2 = 已封鎖跨來源請求: 同源政策不允許讀取 %1$S 的遠端資源。（原因: CORS 請求未成功）。狀態代碼: %2$S。
CORSOriginHeaderNotAdded = 已封鎖跨來源請求: 同源政策不允許讀取 %1$S 的遠端資源。（原因: 無法新增 CORS 'Origin' 檔頭）。
CORSExternalRedirectNotAllowed = 已封鎖跨來源請求: 同源政策不允許讀取 %1$S 的遠端資源。（原因: 不允許 CORS 請求被重導到外部）。
CORSRequestNotHttp = 已封鎖跨來源請求: 同源政策不允許讀取 %1$S 的遠端資源。（原因: CORS 請求未使用 http 通訊協定）。
CORSMissingAllowOrigin2 = 已封鎖跨來源請求: 同源政策不允許讀取 %1$S 的遠端資源。（原因: 缺少 CORS 'Access-Control-Allow-Origin' 檔頭）。狀態代碼: %2$S。
CORSMultipleAllowOriginNotAllowed = 已封鎖跨來源請求: 同源政策不允許讀取 %1$S 的遠端資源。（原因: 不允許有多個「Access-Control-Allow-Origin」CORS 標頭）。
CORSAllowOriginNotMatchingOrigin = 已封鎖跨來源請求: 同源政策不允許讀取 %1$S 的遠端資源。（原因: CORS 'Access-Control-Allow-Origin' 檔頭不符合「%2$S」）。
CORSNotSupportingCredentials = 已封鎖跨來源請求: 同源政策不允許讀取 %1$S 的遠端資源。（原因: CORS 'Access-Control-Allow-Origin' 設定為「*」時不支援使用帳號密碼）。
CORSMethodNotFound = 已封鎖跨來源請求: 同源政策不允許讀取 %1$S 的遠端資源。（原因: CORS 'Access-Control-Allow-Methods' 檔頭中找不到方法）。
CORSMissingAllowCredentials = 已封鎖跨來源請求: 同源政策不允許讀取 %1$S 的遠端資源。（原因: CORS 'Access-Control-Allow-Credentials' 檔頭應為 'true'）。
CORSPreflightDidNotSucceed3 = 已封鎖跨來源請求: 同源政策不允許讀取 %1$S 的遠端資源。（原因: CORS preflight 回應並未成功）。狀態代碼: %2$S。
CORSInvalidAllowMethod = 已封鎖跨來源請求：同源政策不允許讀取 %1$S 的遠端資源。（原因：CORS「Access-Control-Allow-Methods」檔頭中的 token「%2$S」無效）。
CORSInvalidAllowHeader = 已封鎖跨來源請求：同源政策不允許讀取 %1$S 的遠端資源。（原因：CORS「Access-Control-Allow-Headers」檔頭中的 token「%2$S」無效）。
CORSMissingAllowHeaderFromPreflight2 = 已封鎖跨來源請求: 同源政策不允許讀取 %1$S 的遠端資源。（原因: 根據 CORS preflight 回應的 'Access-Control-Allow-Headers' 內容，不允許使用檔頭「%2$S」）。
""",
}

OLDER_FIREFOX = "older Firefox (an earlier revision of the file)"
# (language, line, the corpus paste it was seen in): earlier revisions of the same files.
OLDER: tuple[tuple[str, str, str], ...] = (
    (
        "fr",
        "CORSRequestNotHttp = Blocage d’une requête multiorigines (Cross-Origin Request) : la politique « Same Origin » "
        "ne permet pas de consulter la ressource distante située sur %1$S. Raison : la requête CORS n’utilise pas http.",
        "firefox-miedit-13",
    ),
    (
        "de",
        "CORSPreflightDidNotSucceed = Quellübergreifende (Cross-Origin) Anfrage blockiert: Die Gleiche-Quelle-Regel "
        "verbietet das Lesen der externen Ressource auf %1$S. (Grund: CORS-Preflight-Kanal war nicht erfolgreich).",
        "firefox-magictools-5",
    ),
    (
        "ru",
        "CORSAllowOriginNotMatchingOrigin = Запрос из постороннего источника заблокирован: Политика одного источника "
        "запрещает чтение удаленного ресурса на %1$S. (Причина: заголовок CORS 'Access-Control-Allow-Origin' не "
        "совпадает с '%2$S').",
        "firefox-grsu-web-dev-93",
    ),
    (
        "ru",
        "CrossSiteRequestBlocked = Запрос из постороннего источника заблокирован: Политика одного источника запрещает "
        "чтение удаленного ресурса на %1$S. Это может быть исправлено путем перемещения ресурса в тот же домен или "
        "включением CORS.",
        "firefox-do-it-yourself-workshop-17",
    ),
    (
        "pt-BR",
        "CORSMissingAllowOrigin = Requisição cross-origin bloqueada: A política de mesma origem (Same Origin Policy) "
        "impede a leitura do recurso remoto em %1$S. (Motivo: o cabeçalho CORS 'Access-Control-Allow-Origin' não está "
        "presente).",
        "firefox-tropicalhazards-137",
    ),
    (
        "pt-BR",
        "CORSPreflightDidNotSucceed = Requisição cross-origin bloqueada: A política de mesma origem (Same Origin Policy) "
        "impede a leitura do recurso remoto em %1$S. (Motivo: a pré-conexão CORS falhou).",
        "firefox-fipe-33",
    ),
    (
        "zh-CN",
        "CORSMissingAllowOrigin = 已阻止跨源请求：同源策略禁止读取位于 %1$S 的远程资源。（原因：CORS 头缺少 "
        "'Access-Control-Allow-Origin'）。",
        "firefox-datafoundry-25",
    ),
    ("zh-CN", "CORSDidNotSucceed = 已拦截跨源请求：同源策略禁止读取位于 %1$S 的远程资源。（原因：CORS 请求未能成功）。", "firefox-remix-ide-2781"),
    ("zh-TW", "CORSDidNotSucceed = 已封鎖跨來源請求: 同源政策不允許讀取 %1$S 的遠端資源。（原因: CORS 請求失敗）。", "firefox-baiduexporter-51"),
    # A Spanish build other than es-ES; only the opening was pasted (no reason).
    ("es", "CrossSiteRequestBlocked = Pedido de origen cruzado bloqueado: La política de mismo origen no permite leer el recurso remoto en %1$S", "firefox-kuma-6392"),
)
# Internet Explorer 11 in Chinese (zh-CN), as pasted in edge-iview-admin-1339.
EDGE_ZH_CN = "Internet Explorer 11 (zh-CN)"
EDGE_LINES: tuple[tuple[Failure, str], ...] = (
    (Failure.CORS_REQUEST_NOTICE, "SEC7118: {url} 的 {api} 需要跨域资源共享(CORS)。"),
    (Failure.CORS_REQUEST_NOTICE, "SEC7119: {url} 的 {api} 需要飞行前 CORS。"),
    (Failure.HEADER_NOT_ALLOWED, "SEC7123: Access-Control-Allow-Headers 列表中不存在请求标头 {header}。"),
)
_STATUS_MARK = "{status}"


def template(key: str, value: str) -> str:
    """A properties value as a catalogue template: %1$S is the URL, %2$S the key's second value."""
    second = KEYS[key][1] or "value"
    return value.strip().replace("\\u0020", "").replace("%1$S", "{url}").replace("%2$S", "{" + second + "}")


def without_status(text: str) -> str | None:
    """The same sentence before Firefox added the status code to it (the key without its 2 or 3)."""
    if _STATUS_MARK not in text:
        return None
    head = text[: text.index(_STATUS_MARK)]
    end = max(head.rfind("."), head.rfind("。"))
    return head[: end + 1] if end > 0 else None


def _lines(block: str) -> list[tuple[str, str]]:
    pairs = []
    for line in block.splitlines():
        key, sep, value = line.partition("=")
        if sep and key.strip() in KEYS:
            pairs.append((key.strip(), value))
    return pairs


def _messages() -> list[Message]:
    by_key: dict[str, list[Wording]] = {}

    def add(language: str, key: str, text: str, era: str) -> None:
        code = KEYS[key][0]
        by_key.setdefault(f"l10n.{language}.{code}", []).append(
            Wording(browser=FIREFOX, text=text, era=era, language=language)
        )

    for language, block in PROPERTIES.items():
        for key, value in _lines(block):
            text = template(key, value)
            add(language, key, text, CURRENT)
            older = without_status(text)
            if older is not None:
                add(language, key, older, OLDER_FIREFOX)
    for language, line, _paste in OLDER:
        for key, value in _lines(line):
            add(language, key, template(key, value), OLDER_FIREFOX)
    for code, text in EDGE_LINES:
        by_key.setdefault(f"l10n.zh-CN.{code}", []).append(
            Wording(browser=EDGE, text=text, era=EDGE_ZH_CN, language="zh-CN")
        )
    # One key per wording (explain matches per wording; the number only keeps keys distinct).
    return [
        Message(key=f"{prefix}.{n}", wordings=(wording,))
        for prefix, wordings in by_key.items()
        for n, wording in enumerate(wordings, start=1)
    ]


LANGUAGES = tuple(sorted({*PROPERTIES, *(language for language, _, _ in OLDER)}))
CATALOGUE.register(*_messages())
