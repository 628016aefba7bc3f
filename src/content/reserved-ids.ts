// Ids an article may not give an element: the page layout's own, and names browsers expose as globals.

import type { Message } from "./problems.ts";

/**
 * Every id the page layout (src/templates/) writes. An article's `{#main}` would duplicate the
 * skip link's target: invalid HTML, and the skip link could land on the article's element.
 * tests/content/reserved-ids.test.ts builds a site and fails if the layout writes an id not here.
 */
export const LAYOUT_IDS: readonly string[] = [
  "main",
  "share-heading",
  "related-heading",
  "archive-gregorian",
  "archive-hijri",
  "site-search-q",
  "latest-heading",
  "more-heading",
  "search-form",
  "search-q",
  "search-status",
  "search-results",
];

/**
 * Names an element's id would shadow or clobber: every property of `window`, `document` and
 * `Object.prototype` along their prototype chains, as Chromium reports them. An element with
 * such an id becomes `window.location`, `document.cookie`… for any script that reads the name
 * (DOM clobbering: https://portswigger.net/web-security/dom-based/dom-clobbering,
 * https://html.spec.whatwg.org/multipage/nav-history-apis.html#named-access-on-the-window-object).
 * Only names an id could take (ATTRIBUTE_VALUES.id) are kept. Made with Chromium 156;
 * tests/content/reserved-ids.test.ts asks the installed Chromium again and fails on a new name.
 */
export const BROWSER_GLOBALS: ReadonlySet<string> = new Set(
  `
  ATTRIBUTE_NODE AbortController AbortSignal AbstractRange AggregateError AnalyserNode Animation
  AnimationEffect AnimationEvent AnimationPlaybackEvent AnimationTimeline AnimationTrigger Array
  ArrayBuffer AsyncDisposableStack Atomics Attr Audio AudioBuffer AudioBufferSourceNode
  AudioContext AudioData AudioDestinationNode AudioListener AudioNode AudioParam AudioParamMap
  AudioProcessingEvent AudioScheduledSourceNode AudioSinkInfo AudioWorkletNode
  BackgroundFetchManager BackgroundFetchRecord BackgroundFetchRegistration BarProp
  BaseAudioContext BeforeInstallPromptEvent BeforeUnloadEvent BigInt BigInt64Array BigUint64Array
  BiquadFilterNode Blob BlobEvent Boolean BroadcastChannel BrowserCaptureMediaStreamTrack
  ByteLengthQueuingStrategy CDATASection CDATA_SECTION_NODE COMMENT_NODE CSPViolationReportBody
  CSS CSSAnimation CSSConditionRule CSSContainerRule CSSCounterStyleRule CSSFontFaceRule
  CSSFontFeatureValuesRule CSSFontPaletteValuesRule CSSFunctionDeclarations CSSFunctionDescriptors
  CSSFunctionRule CSSGroupingRule CSSImageValue CSSImportRule CSSKeyframeRule CSSKeyframesRule
  CSSKeywordValue CSSLayerBlockRule CSSLayerStatementRule CSSMarginRule CSSMathClamp CSSMathInvert
  CSSMathMax CSSMathMin CSSMathNegate CSSMathProduct CSSMathSum CSSMathValue CSSMatrixComponent
  CSSMediaRule CSSNamespaceRule CSSNestedDeclarations CSSNumericArray CSSNumericValue CSSPageRule
  CSSPerspective CSSPositionTryDescriptors CSSPositionTryRule CSSPositionValue CSSPropertyRule
  CSSPseudoElement CSSRotate CSSRule CSSRuleList CSSScale CSSScopeRule CSSSkew CSSSkewX CSSSkewY
  CSSStartingStyleRule CSSStyleDeclaration CSSStyleRule CSSStyleSheet CSSStyleValue
  CSSSupportsRule CSSTransformComponent CSSTransformValue CSSTransition CSSTranslate CSSUnitValue
  CSSUnparsedValue CSSVariableReferenceValue CSSViewTransitionRule CanvasCaptureMediaStreamTrack
  CanvasGradient CanvasPattern CanvasRenderingContext2D CaretPosition ChannelMergerNode
  ChannelSplitterNode ChapterInformation CharacterBoundsUpdateEvent CharacterData ClipboardEvent
  CloseEvent CloseWatcher CommandEvent Comment CompositionEvent CompressionStream
  ConstantSourceNode ContentVisibilityAutoStateChangeEvent ConvolverNode CountQueuingStrategy
  CrashReportContext CropTarget Crypto CustomElementRegistry CustomEvent CustomStateSet
  DOCUMENT_FRAGMENT_NODE DOCUMENT_NODE DOCUMENT_POSITION_CONTAINED_BY DOCUMENT_POSITION_CONTAINS
  DOCUMENT_POSITION_DISCONNECTED DOCUMENT_POSITION_FOLLOWING
  DOCUMENT_POSITION_IMPLEMENTATION_SPECIFIC DOCUMENT_POSITION_PRECEDING DOCUMENT_TYPE_NODE
  DOMError DOMException DOMImplementation DOMMatrix DOMMatrixReadOnly DOMParser DOMPoint
  DOMPointReadOnly DOMQuad DOMRect DOMRectList DOMRectReadOnly DOMStringList DOMStringMap
  DOMTokenList DataTransfer DataTransferItem DataTransferItemList DataView Date
  DecompressionStream DelayNode DelegatedInkTrailPresenter DisposableStack Document
  DocumentFragment DocumentPictureInPictureEvent DocumentTimeline DocumentType DragEvent
  DynamicsCompressorNode ELEMENT_NODE ENTITY_NODE ENTITY_REFERENCE_NODE EditContext Element
  ElementInternals EncodedAudioChunk EncodedVideoChunk Error ErrorEvent EvalError Event
  EventCounts EventSource EventTarget External FeaturePolicy Fence FencedFrameConfig File FileList
  FileReader FinalizationRegistry Float16Array Float32Array Float64Array FocusEvent FontFace
  FontFaceSet FontFaceSetLoadEvent FormData FormDataEvent FragmentDirective Function GainNode
  Gamepad GamepadButton GamepadEvent GamepadHapticActuator Geolocation GeolocationCoordinates
  GeolocationPosition GeolocationPositionError HTMLAllCollection HTMLAnchorElement HTMLAreaElement
  HTMLAudioElement HTMLBRElement HTMLBaseElement HTMLBodyElement HTMLButtonElement
  HTMLCameraElement HTMLCanvasElement HTMLCollection HTMLDListElement HTMLDataElement
  HTMLDataListElement HTMLDetailsElement HTMLDialogElement HTMLDirectoryElement HTMLDivElement
  HTMLDocument HTMLElement HTMLEmbedElement HTMLFencedFrameElement HTMLFieldSetElement
  HTMLFontElement HTMLFormControlsCollection HTMLFormElement HTMLFrameElement HTMLFrameSetElement
  HTMLGeolocationElement HTMLHRElement HTMLHeadElement HTMLHeadingElement HTMLHtmlElement
  HTMLIFrameElement HTMLImageElement HTMLInputElement HTMLLIElement HTMLLabelElement
  HTMLLegendElement HTMLLinkElement HTMLMapElement HTMLMarqueeElement HTMLMediaElement
  HTMLMenuElement HTMLMetaElement HTMLMeterElement HTMLMicrophoneElement HTMLModElement
  HTMLOListElement HTMLObjectElement HTMLOptGroupElement HTMLOptionElement HTMLOptionsCollection
  HTMLOutputElement HTMLParagraphElement HTMLParamElement HTMLPictureElement HTMLPreElement
  HTMLProgressElement HTMLQuoteElement HTMLScriptElement HTMLSelectElement
  HTMLSelectedContentElement HTMLSlotElement HTMLSourceElement HTMLSpanElement HTMLStyleElement
  HTMLTableCaptionElement HTMLTableCellElement HTMLTableColElement HTMLTableElement
  HTMLTableRowElement HTMLTableSectionElement HTMLTemplateElement HTMLTextAreaElement
  HTMLTimeElement HTMLTitleElement HTMLTrackElement HTMLUListElement HTMLUnknownElement
  HTMLUserMediaElement HTMLVideoElement HashChangeEvent Headers Highlight HighlightRegistry
  History IDBCursor IDBCursorWithValue IDBDatabase IDBFactory IDBIndex IDBKeyRange IDBObjectStore
  IDBOpenDBRequest IDBRecord IDBRequest IDBTransaction IDBVersionChangeEvent IIRFilterNode
  IdleDeadline Image ImageBitmap ImageBitmapRenderingContext ImageData Infinity Ink
  InputDeviceCapabilities InputDeviceInfo InputEvent Int16Array Int32Array Int8Array
  IntegrityViolationReportBody InteractionContentfulPaint InterestEvent IntersectionObserver
  IntersectionObserverEntry Intl Iterator JSON KeyboardEvent KeyframeEffect LargestContentfulPaint
  LaunchParams LaunchQueue LayoutShift LayoutShiftAttribution Location Map Math MathMLElement
  MediaCapabilities MediaElementAudioSourceNode MediaEncryptedEvent MediaError MediaList
  MediaMetadata MediaQueryList MediaQueryListEvent MediaRecorder MediaSession MediaSource
  MediaSourceHandle MediaStream MediaStreamAudioDestinationNode MediaStreamAudioSourceNode
  MediaStreamEvent MediaStreamTrack MediaStreamTrackAudioStats MediaStreamTrackEvent
  MediaStreamTrackGenerator MediaStreamTrackProcessor MediaStreamTrackVideoStats MessageChannel
  MessageEvent MessagePort MimeType MimeTypeArray MouseEvent MutationObserver MutationRecord
  NOTATION_NODE NaN NamedNodeMap NavigateEvent Navigation NavigationActivation
  NavigationCurrentEntryChangeEvent NavigationDestination NavigationHistoryEntry
  NavigationPrecommitController NavigationTransition Navigator NavigatorUAData NetworkInformation
  Node NodeFilter NodeIterator NodeList NodeRange NotRestoredReasonDetails NotRestoredReasons
  Notification Number Object Observable OfflineAudioCompletionEvent OfflineAudioContext
  OffscreenCanvas OffscreenCanvasRenderingContext2D OpaqueRange Option Origin OscillatorNode
  OverconstrainedError PERSISTENT PROCESSING_INSTRUCTION_NODE PageRevealEvent PageSwapEvent
  PageTransitionEvent PannerNode Path2D Performance PerformanceElementTiming PerformanceEntry
  PerformanceEventTiming PerformanceLongAnimationFrameTiming PerformanceLongTaskTiming
  PerformanceMark PerformanceMeasure PerformanceNavigation PerformanceNavigationTiming
  PerformanceObserver PerformanceObserverEntryList PerformancePaintTiming
  PerformanceResourceTiming PerformanceScriptTiming PerformanceServerTiming
  PerformanceSoftNavigation PerformanceTiming PerformanceTimingConfidence PeriodicSyncManager
  PeriodicWave PermissionStatus Permissions PermissionsPolicy PictureInPictureEvent
  PictureInPictureWindow Plugin PluginArray PointerEvent PopStateEvent ProcessingInstruction
  Profiler ProgressEvent Promise PromiseRejectionEvent Proxy PushManager PushSubscription
  PushSubscriptionOptions QuotaExceededError RTCCertificate RTCDTMFSender RTCDTMFToneChangeEvent
  RTCDataChannel RTCDataChannelEvent RTCDtlsTransport RTCEncodedAudioFrame RTCEncodedVideoFrame
  RTCError RTCErrorEvent RTCIceCandidate RTCIceTransport RTCPeerConnection
  RTCPeerConnectionIceErrorEvent RTCPeerConnectionIceEvent RTCRtpReceiver RTCRtpScriptTransform
  RTCRtpSender RTCRtpTransceiver RTCSctpTransport RTCSessionDescription RTCStatsReport
  RTCTrackEvent RadioNodeList Range RangeError ReadableByteStreamController ReadableStream
  ReadableStreamBYOBReader ReadableStreamBYOBRequest ReadableStreamDefaultController
  ReadableStreamDefaultReader ReferenceError Reflect RegExp RemotePlayback ReportBody
  ReportingObserver Request ResizeObserver ResizeObserverEntry ResizeObserverSize Response
  RestrictionTarget SVGAElement SVGAngle SVGAnimateElement SVGAnimateMotionElement
  SVGAnimateTransformElement SVGAnimatedAngle SVGAnimatedBoolean SVGAnimatedEnumeration
  SVGAnimatedInteger SVGAnimatedLength SVGAnimatedLengthList SVGAnimatedNumber
  SVGAnimatedNumberList SVGAnimatedPreserveAspectRatio SVGAnimatedRect SVGAnimatedString
  SVGAnimatedTransformList SVGAnimationElement SVGCircleElement SVGClipPathElement
  SVGComponentTransferFunctionElement SVGDefsElement SVGDescElement SVGElement SVGEllipseElement
  SVGFEBlendElement SVGFEColorMatrixElement SVGFEComponentTransferElement SVGFECompositeElement
  SVGFEConvolveMatrixElement SVGFEDiffuseLightingElement SVGFEDisplacementMapElement
  SVGFEDistantLightElement SVGFEDropShadowElement SVGFEFloodElement SVGFEFuncAElement
  SVGFEFuncBElement SVGFEFuncGElement SVGFEFuncRElement SVGFEGaussianBlurElement SVGFEImageElement
  SVGFEMergeElement SVGFEMergeNodeElement SVGFEMorphologyElement SVGFEOffsetElement
  SVGFEPointLightElement SVGFESpecularLightingElement SVGFESpotLightElement SVGFETileElement
  SVGFETurbulenceElement SVGFilterElement SVGForeignObjectElement SVGGElement SVGGeometryElement
  SVGGradientElement SVGGraphicsElement SVGImageElement SVGLength SVGLengthList SVGLineElement
  SVGLinearGradientElement SVGMPathElement SVGMarkerElement SVGMaskElement SVGMatrix
  SVGMetadataElement SVGNumber SVGNumberList SVGPathElement SVGPatternElement SVGPoint
  SVGPointList SVGPolygonElement SVGPolylineElement SVGPreserveAspectRatio
  SVGRadialGradientElement SVGRect SVGRectElement SVGSVGElement SVGScriptElement SVGSetElement
  SVGStopElement SVGStringList SVGStyleElement SVGSwitchElement SVGSymbolElement SVGTSpanElement
  SVGTextContentElement SVGTextElement SVGTextPathElement SVGTextPositioningElement
  SVGTitleElement SVGTransform SVGTransformList SVGUnitTypes SVGUseElement SVGViewElement
  Sanitizer Scheduler Scheduling Screen ScreenOrientation ScriptProcessorNode ScrollTimeline
  SecurityPolicyViolationEvent Selection Set ShadowRoot SharedWorker SnapEvent SourceBuffer
  SourceBufferList SpeechGrammar SpeechGrammarList SpeechRecognition SpeechRecognitionErrorEvent
  SpeechRecognitionEvent SpeechSynthesis SpeechSynthesisErrorEvent SpeechSynthesisEvent
  SpeechSynthesisUtterance SpeechSynthesisVoice StaticRange StereoPannerNode Storage StorageEvent
  String StylePropertyMap StylePropertyMapReadOnly StyleSheet StyleSheetList SubmitEvent
  Subscriber SuppressedError Symbol SyncManager SyntaxError TEMPORARY TEXT_NODE
  TaskAttributionTiming TaskController TaskPriorityChangeEvent TaskSignal Temporal Text
  TextDecoder TextDecoderStream TextEncoder TextEncoderStream TextEvent TextFormat
  TextFormatUpdateEvent TextMetrics TextTrack TextTrackCue TextTrackCueList TextTrackList
  TextUpdateEvent TimeRanges TimelineTrigger TimelineTriggerRange TimelineTriggerRangeList
  ToggleEvent Touch TouchEvent TouchList TrackEvent TransformStream
  TransformStreamDefaultController TransitionEvent TreeWalker TrustedHTML TrustedScript
  TrustedScriptURL TrustedTypePolicy TrustedTypePolicyFactory TypeError UIEvent URIError URL
  URLPattern URLSearchParams Uint16Array Uint32Array Uint8Array Uint8ClampedArray UserActivation
  VTTCue ValidityState VideoColorSpace VideoFrame VideoPlaybackQuality ViewTimeline ViewTransition
  ViewTransitionTypeSet Viewport VirtualKeyboardGeometryChangeEvent VisibilityStateEntry
  VisualViewport WaveShaperNode WeakMap WeakRef WeakSet WebAssembly WebGL2RenderingContext
  WebGLActiveInfo WebGLBuffer WebGLContextEvent WebGLFramebuffer WebGLObject WebGLProgram
  WebGLQuery WebGLRenderbuffer WebGLRenderingContext WebGLSampler WebGLShader
  WebGLShaderPrecisionFormat WebGLSync WebGLTexture WebGLTransformFeedback WebGLUniformLocation
  WebGLVertexArrayObject WebKitCSSMatrix WebKitMutationObserver WebSocket WebSocketError
  WebSocketStream WheelEvent Window WindowControlsOverlay WindowControlsOverlayGeometryChangeEvent
  Worker WritableStream WritableStreamDefaultController WritableStreamDefaultWriter XMLDocument
  XMLHttpRequest XMLHttpRequestEventTarget XMLHttpRequestUpload XMLSerializer XPathEvaluator
  XPathExpression XPathResult XSLTProcessor activeElement activeViewTransition addEventListener
  adoptNode adoptedStyleSheets alert alinkColor all anchors append appendChild applets ariaNotify
  atob baseURI bgColor blur body btoa cancelAnimationFrame cancelIdleCallback captureEvents
  caretPositionFromPoint caretRangeFromPoint characterSet charset childElementCount childNodes
  children chrome clear clearInterval clearTimeout clientInformation cloneNode close closed
  compareDocumentPosition compatMode confirm console constructor contains contentType cookie
  crashReport createAttribute createAttributeNS createCDATASection createComment
  createDocumentFragment createElement createElementNS createEvent createExpression
  createImageBitmap createNSResolver createNodeIterator createProcessingInstruction createRange
  createTextNode createTreeWalker credentialless crossOriginIsolated crypto currentScript
  customElementRegistry customElements decodeURI decodeURIComponent defaultView designMode
  devicePixelRatio dir dispatchEvent doctype document documentElement documentURI domain
  elementFromPoint elementsFromPoint embeds encodeURI encodeURIComponent escape eval evaluate
  event execCommand exitFullscreen exitPictureInPicture exitPointerLock external featurePolicy
  fence fetch fgColor find firstChild firstElementChild focus fonts forms fragmentDirective
  frameElement frames fullscreen fullscreenElement fullscreenEnabled getAnimations
  getComputedStyle getElementById getElementsByClassName getElementsByName getElementsByTagName
  getElementsByTagNameNS getRootNode getSelection globalThis hasChildNodes hasFocus hasOwnProperty
  hasStorageAccess hasUnpartitionedCookieAccess head hidden history images implementation
  importNode indexedDB innerHeight innerWidth inputEncoding insertBefore isConnected
  isDefaultNamespace isEqualNode isFinite isNaN isPrototypeOf isSameNode isSecureContext lastChild
  lastElementChild lastModified launchQueue length linkColor links localStorage location
  locationbar lookupNamespaceURI lookupPrefix matchMedia menubar moveBefore moveBy moveTo name
  navigation navigator nextSibling nodeName nodeType nodeValue normalize offscreenBuffering
  onabort onafterprint onanimationcancel onanimationend onanimationiteration onanimationstart
  onappinstalled onauxclick onbeforecopy onbeforecut onbeforeinput onbeforeinstallprompt
  onbeforematch onbeforepaste onbeforeprint onbeforetoggle onbeforeunload onbeforexrselect onblur
  oncancel oncanplay oncanplaythrough onchange onclick onclose oncommand
  oncontentvisibilityautostatechange oncontextlost oncontextmenu oncontextrestored oncopy
  oncuechange oncut ondblclick ondrag ondragend ondragenter ondragleave ondragover ondragstart
  ondrop ondurationchange onemptied onended onerror onfocus onformdata onfreeze onfullscreenchange
  onfullscreenerror ongamepadconnected ongamepaddisconnected ongotpointercapture onhashchange
  oninput oninvalid onkeydown onkeypress onkeyup onlanguagechange onload onloadeddata
  onloadedmetadata onloadstart onlostpointercapture onmessage onmessageerror onmousedown
  onmouseenter onmouseleave onmousemove onmouseout onmouseover onmouseup onmousewheel onoffline
  ononline onpagehide onpagereveal onpageshow onpageswap onpaste onpause onplay onplaying
  onpointercancel onpointerdown onpointerenter onpointerleave onpointerlockchange
  onpointerlockerror onpointermove onpointerout onpointerover onpointerup onpopstate
  onprerenderingchange onprogress onratechange onreadystatechange onrejectionhandled onreset
  onresize onresume onscroll onscrollend onscrollsnapchange onscrollsnapchanging onsearch
  onsecuritypolicyviolation onseeked onseeking onselect onselectionchange onselectstart
  onslotchange onstalled onstorage onsubmit onsuspend ontimeupdate ontoggle ontransitioncancel
  ontransitionend ontransitionrun ontransitionstart onunhandledrejection onunload
  onvisibilitychange onvolumechange onwaiting onwebkitanimationend onwebkitanimationiteration
  onwebkitanimationstart onwebkitfullscreenchange onwebkitfullscreenerror onwebkittransitionend
  onwheel open opener origin originAgentCluster outerHeight outerWidth ownerDocument pageXOffset
  pageYOffset parent parentElement parentNode parseFloat parseInt performance personalbar
  pictureInPictureElement pictureInPictureEnabled plugins pointerLockElement postMessage prepend
  prerendering previousSibling print prompt propertyIsEnumerable queryCommandEnabled
  queryCommandIndeterm queryCommandState queryCommandSupported queryCommandValue querySelector
  querySelectorAll queueMicrotask readyState referrer releaseEvents removeChild
  removeEventListener replaceChild replaceChildren reportError requestAnimationFrame
  requestIdleCallback requestResize requestStorageAccess resizeBy resizeTo rootElement scheduler
  screen screenLeft screenTop screenX screenY scripts scroll scrollBy scrollTo scrollX scrollY
  scrollbars scrollingElement self sessionStorage setInterval setTimeout speechSynthesis
  startViewTransition status statusbar stop structuredClone styleMedia styleSheets textContent
  timeline title toLocaleString toString toolbar top trustedTypes undefined unescape valueOf
  viewport visibilityState visualViewport vlinkColor wasDiscarded webkitCancelAnimationFrame
  webkitCancelFullScreen webkitCurrentFullScreenElement webkitExitFullscreen
  webkitFullscreenElement webkitFullscreenEnabled webkitHidden webkitIsFullScreen
  webkitMediaStream webkitRTCPeerConnection webkitRequestAnimationFrame webkitRequestFileSystem
  webkitResolveLocalFileSystemURL webkitSpeechGrammar webkitSpeechGrammarList
  webkitSpeechRecognition webkitSpeechRecognitionError webkitSpeechRecognitionEvent webkitURL
  webkitVisibilityState when window write writeln xmlEncoding xmlStandalone xmlVersion
`
    .trim()
    .split(/\s+/),
);

/**
 * The reason an article may not use `id`, or null when it may. One message table, in Arabic and
 * English, each naming the id and suggesting two that are free.
 * @example reservedIdMessage("main")?.en //=> '{#main}: "main" is used by the page layout; choose another id, such as "main-1" or "qism-main"'
 * @example reservedIdMessage("al-jawla-al-ula") //=> null
 */
export function reservedIdMessage(id: string): Message | null {
  if (LAYOUT_IDS.includes(id)) return RESERVED_ID_MESSAGES.layout(id);
  if (BROWSER_GLOBALS.has(id)) return RESERVED_ID_MESSAGES.browser(id);
  return null;
}

/** The messages; each names the id and suggests two that are free. */
export const RESERVED_ID_MESSAGES = {
  layout: (id: string): Message => ({
    en: `{#${id}}: "${id}" is used by the page layout; choose another id, such as ${suggestions(id)}`,
    ar: `{#${id}}: المعرّف «${id}» يستخدمه تصميم الصفحة؛ اختر معرّفًا آخر، مثل ${suggestionsAr(id)}`,
  }),
  browser: (id: string): Message => ({
    en: `{#${id}}: "${id}" is a name browsers give to window or document, and a script reading it would get this element instead; choose another id, such as ${suggestions(id)}`,
    ar: `{#${id}}: «${id}» اسم تعطيه المتصفحات لـ window أو document، وأي برنامج نصي يقرؤه سيجد هذا العنصر بدلًا منه؛ اختر معرّفًا آخر، مثل ${suggestionsAr(id)}`,
  }),
} as const;

// ---------------------------------------------------------------------------------------------
// Internals

// A hyphen keeps a suggestion off every global (they are JavaScript names) and off the layout's
// ids (none ends in "-1" or starts with "qism-", Arabic for "section").
function suggestions(id: string): string {
  return `"${id}-1" or "qism-${id}"`;
}

function suggestionsAr(id: string): string {
  return `«${id}-1» أو «qism-${id}»`;
}
