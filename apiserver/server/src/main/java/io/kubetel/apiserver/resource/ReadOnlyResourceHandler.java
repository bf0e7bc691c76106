package io.kubetel.apiserver.resource;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PartialObjectMetadata;
import io.kubetel.apiserver.http.ApiException;
import io.kubetel.apiserver.http.Operation;
import io.kubetel.apiserver.http.RequestAttributes;
import io.kubetel.apiserver.http.StatusMapper;
import io.kubetel.apiserver.http.TelemetryApiGroup;
import io.kubetel.apiserver.limits.RequestBudget;
import io.kubetel.apiserver.limits.WatchLimiter;
import io.kubetel.apiserver.paging.ContinueToken;
import io.kubetel.apiserver.paging.ContinueTokens;
import io.kubetel.apiserver.paging.PageLimits;
import io.kubetel.apiserver.security.UserInfo;
import io.kubetel.apiserver.selection.Selection;
import io.kubetel.apiserver.selection.SelectionParser;
import io.kubetel.apiserver.selection.TimeWindows;
import io.kubetel.apiserver.selection.WindowPolicy;
import io.kubetel.apiserver.table.IncludeObject;
import io.kubetel.apiserver.table.ResponseFormat;
import io.kubetel.apiserver.table.TableRow;
import io.kubetel.apiserver.table.Tables;
import io.kubetel.apiserver.watch.WatchEncoder;
import io.kubetel.apiserver.watch.WatchItem;
import io.kubetel.apiserver.watch.WatchOptions;
import io.kubetel.apiserver.watch.WatchSession;
import io.kubetel.model.page.Cursor;
import io.kubetel.model.page.ListRequest;
import io.kubetel.model.page.Page;
import io.kubetel.model.store.ReadScope;
import io.kubetel.model.window.TimeWindow;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Serves list, get and watch of one read-only telemetry resource: negotiates Table vs objects,
 * parses selectors, limit and continue, reads storage on the worker executor, re-checks selectors
 * in memory, and renders the list, object or Table. Every error fails the context with an {@link
 * ApiException}.
 */
public final class ReadOnlyResourceHandler<T> implements ResourceHandler {
  /** A watch poll reads at most this many pages, so one poll stays bounded. */
  private static final int MAX_WATCH_PAGES = 10;

  private final TelemetryResource<T> resource;
  private final TelemetryResource<T> polled;
  private final Optional<WatchSharing> sharing;
  private final WorkerExecutor workers;
  private final Clock clock;
  private final ResourceSettings settings;
  private final ContinueTokens tokens;
  private final SelectionParser selections;
  private final Operation reading;
  private final Tables tables = new Tables();

  public ReadOnlyResourceHandler(
      TelemetryResource<T> resource,
      WorkerExecutor workers,
      Clock clock,
      ResourceSettings settings,
      ContinueTokens tokens) {
    this(resource, resource, Optional.empty(), workers, clock, settings, tokens);
  }

  /**
   * As above, with watch polls read through {@code polled} (the same resource over the uncached
   * store: a poll's window is its own, no other request would share its result) and shared by
   * {@code sharing} when present.
   */
  public ReadOnlyResourceHandler(
      TelemetryResource<T> resource,
      TelemetryResource<T> polled,
      Optional<WatchSharing> sharing,
      WorkerExecutor workers,
      Clock clock,
      ResourceSettings settings,
      ContinueTokens tokens) {
    this.resource = resource;
    this.polled = polled;
    this.sharing = sharing;
    this.workers = workers;
    this.clock = clock;
    this.settings = settings;
    this.tokens = tokens;
    this.selections = new SelectionParser(resource.vocabulary(), settings.windowPolicy());
    this.reading = Operation.read(resource.info().plural());
  }

  @Override
  public ResourceInfo info() {
    return resource.info();
  }

  @Override
  public void handle(RoutingContext context) {
    try {
      HttpMethod method = context.request().method();
      if (!method.equals(HttpMethod.GET)) {
        throw new ApiException(
            405,
            "MethodNotAllowed",
            method + " is not supported on " + plural() + "; it is read-only (get, list, watch)",
            plural(),
            context.pathParam("name"));
      }
      ReadRequest request = ReadRequest.parse(context);
      String name = context.pathParam("name");
      if (name != null) {
        get(request, name);
      } else if (WatchOptions.requested(request.params())) {
        watch(request);
      } else {
        list(request);
      }
    } catch (RuntimeException e) {
      context.fail(StatusMapper.map(e, reading));
    }
  }

  private void get(ReadRequest request, String name) {
    if (request.namespace().isEmpty()) {
      throw new ApiException(
          404,
          "NotFound",
          plural()
              + " are namespaced: get one with /namespaces/<namespace>/"
              + plural()
              + "/"
              + name,
          plural(),
          name);
    }
    resource
        .nameRule()
        .problem(name)
        .ifPresent(
            p -> {
              throw ApiException.badRequest("invalid " + info().singular() + " name: " + p);
            });
    Instant now = clock.instant();
    var policy = settings.windowPolicy();
    TimeWindow window =
        TimeWindows.resolve(
            request.params().get("start"),
            request.params().get("end"),
            request.params().get("window"),
            now,
            new WindowPolicy(
                resource.defaultGetWindow(settings), policy.maxWindow(), policy.maxFutureSkew()));
    String rv = ApiJson.resourceVersion(window.end());
    // Read and render on the worker: large objects (points, span trees) stay off the event loop.
    blocking(
        request.context(),
        () -> {
          T item = resource.get(request.namespace().get(), name, window).orElse(null);
          if (item == null) {
            return null;
          }
          ServedObject object = resource.toObject(item, rv, window, true);
          if (!request.format().table()) {
            return ApiJson.write(object);
          }
          TableRow row = new TableRow(resource.cells(item, now), object, object.metadata());
          return ApiJson.write(
              tables.render(
                  request.format(),
                  resource.columns(),
                  true,
                  List.of(row),
                  request.include(),
                  rv,
                  null));
        },
        body -> {
          if (body == null) {
            request.context().fail(ApiException.notFound(plural(), name));
          } else {
            Requests.respond(request.context(), 200, request.format().contentType(), body);
          }
        });
  }

  private void list(ReadRequest request) {
    Instant now = clock.instant();
    Selection parsed = selections.parse(request.params(), request.namespace(), now);
    int limit = PageLimits.parse(request.params().get("limit"), settings.pageSize());
    String scope = request.namespace().orElse("");
    String continueParam = request.params().get("continue");
    // Without limit (and continue) Kubernetes returns the whole list, and kubectl relies on it:
    // --sort-by sends no limit and sorts each returned page on its own.
    boolean whole =
        (request.params().get("limit") == null || request.params().get("limit").isBlank())
            && (continueParam == null || continueParam.isEmpty());
    Optional<Cursor> after = Optional.empty();
    Selection selection = parsed;
    if (continueParam != null && !continueParam.isEmpty()) {
      ContinueToken token = tokens.verify(continueParam, plural(), scope, parsed.fingerprint());
      selection = parsed.withWindow(token.window());
      after = Optional.of(token.cursor());
    }
    // Points are for -o yaml/json; tables never carry them (not even includeObject=Object).
    boolean detail = !request.format().table();
    Selection sel = selection;
    Optional<Cursor> from = after;
    String rv = ApiJson.resourceVersion(sel.window().end());
    RequestBudget budget = RequestBudget.of(request.context());
    blocking(
        request.context(),
        () ->
            render(
                whole ? readWhole(sel, detail, budget) : read(sel, from, limit, detail, budget),
                sel,
                scope,
                rv,
                request.format(),
                request.include(),
                detail,
                now),
        body -> Requests.respond(request.context(), 200, request.format().contentType(), body));
  }

  /** Renders one page (as JSON) as a list or Table, with a continue token when more may follow. */
  private String render(
      Page<T> page,
      Selection sel,
      String scope,
      String rv,
      ResponseFormat format,
      IncludeObject include,
      boolean detail,
      Instant now) {
    String next =
        page.next()
            .map(
                c ->
                    tokens.issue(
                        new ContinueToken(
                            plural(), scope, sel.fingerprint(), sel.window(), c, clock.instant())))
            .orElse(null);
    List<ServedObject> objects = new ArrayList<>();
    List<TableRow> rows = new ArrayList<>();
    for (T item : page.items()) {
      ServedObject object = resource.toObject(item, rv, sel.window(), detail);
      objects.add(object);
      if (format.table()) {
        rows.add(new TableRow(resource.cells(item, now), object, object.metadata()));
      }
    }
    Object body =
        format.table()
            ? tables.render(format, resource.columns(), true, rows, include, rv, next)
            : ObjectList.of(resource.info().listKind(), objects, rv, next);
    return ApiJson.write(body);
  }

  /**
   * Reads one page and keeps the items that satisfy the whole selection. A pinned {@code
   * metadata.name} in a namespace becomes a get. Stops before reading when the request's budget
   * says so (client gone, deadline) and charges the rows storage returned.
   */
  private Page<T> read(
      Selection sel, Optional<Cursor> after, int limit, boolean detail, RequestBudget budget) {
    return read(resource, sel, after, limit, detail, budget);
  }

  private Page<T> read(
      TelemetryResource<T> from,
      Selection sel,
      Optional<Cursor> after,
      int limit,
      boolean detail,
      RequestBudget budget) {
    budget.checkpoint();
    if (sel.exactName().isPresent() && sel.namespace().isPresent() && after.isEmpty()) {
      Optional<T> item = from.get(sel.namespace().get(), sel.exactName().get(), sel.window());
      return Page.last(item.filter(i -> matches(sel, i)).map(List::of).orElse(List.of()));
    }
    Page<T> page =
        from.list(
            new ListRequest(sel.namespace(), sel.window(), sel.filters(), after, limit, detail));
    budget.charge(page.items().size());
    List<T> kept = page.items().stream().filter(i -> matches(sel, i)).toList();
    return new Page<>(kept, page.next());
  }

  /**
   * The whole list for a request without limit, read page by page. Bounded: past {@link
   * PageLimits#MAX_LIMIT} items the client is told to page or narrow the selection instead of
   * getting a truncated list; the request's {@link RequestBudget} (deadline, rows, client still
   * there) ends the paging of a selection that storage cannot narrow.
   */
  private Page<T> readWhole(Selection sel, boolean detail, RequestBudget budget) {
    List<T> all = new ArrayList<>();
    Optional<Cursor> after = Optional.empty();
    do {
      // One query for what the bound allows (one more to see it is exceeded), not one per
      // pageSize items: each query re-reads the window up to its keyset position.
      Page<T> page = read(sel, after, PageLimits.MAX_LIMIT + 1 - all.size(), detail, budget);
      all.addAll(page.items());
      if (all.size() > PageLimits.MAX_LIMIT) {
        throw ApiException.badRequest(
            "more than "
                + PageLimits.MAX_LIMIT
                + " "
                + plural()
                + " match a request without limit: page with limit and continue (kubectl"
                + " --chunk-size), or narrow the window or the selectors");
      }
      after = page.next();
    } while (after.isPresent());
    return Page.last(all);
  }

  private boolean matches(Selection sel, T item) {
    if (sel.namespace().isPresent() && !sel.namespace().get().equals(resource.namespace(item))) {
      return false;
    }
    return sel.matches(resource.labels(item), key -> resource.fieldValues(item, key));
  }

  private void watch(ReadRequest request) {
    Instant now = clock.instant();
    WatchOptions options = WatchOptions.parse(request.params(), settings.watchMaxTimeout());
    Selection sel = selections.parse(request.params(), request.namespace(), now);
    UserInfo user = RequestAttributes.user(request.context());
    WatchLimiter.acquire(request.context(), user == null ? null : user.name());
    WatchSession.Timing timing =
        new WatchSession.Timing(
            settings.watchPollInterval(),
            settings.watchHorizon(),
            settings.watchLatenessGrace(),
            settings.defaultWindow(),
            settings.watchBookmarkInterval());
    boolean tableOnly = request.format().table();
    WatchSession session =
        new WatchSession(
            request.context().vertx(),
            request.context().response(),
            workers,
            clock,
            timing,
            options,
            (since, asOf) -> poll(sel, since, asOf, tableOnly),
            encoder(request.format(), request.include()),
            t -> StatusMapper.map(t, reading),
            ApiJson.MAPPER,
            plural());
    sharing.ifPresent(s -> session.sharedBy(s.polls(), s.key(plural(), sel, tableOnly)));
    session.endOnShutdown(request.context().request().connection()).start();
  }

  /**
   * One watch poll: every page of what changed, converted at resourceVersion asOf. More than {@link
   * #MAX_WATCH_PAGES} pages end the watch with 410 Expired, as kube-apiserver ends a watch that
   * fell too far behind: the client lists again instead of silently missing changes.
   */
  private List<WatchItem> poll(Selection base, Instant since, Instant asOf, boolean tableOnly) {
    TimeWindow window = resource.watchWindow(since, asOf, settings);
    Selection sel = base.withWindow(window);
    String rv = ApiJson.resourceVersion(asOf);
    List<WatchItem> items = new ArrayList<>();
    Optional<Cursor> after = Optional.empty();
    for (int pageNo = 0; pageNo < MAX_WATCH_PAGES; pageNo++) {
      Page<T> page =
          read(polled, sel, after, settings.pageSize(), !tableOnly, RequestBudget.UNLIMITED);
      for (T item : page.items()) {
        ServedObject object = resource.toObject(item, rv, window, !tableOnly);
        items.add(
            new WatchItem(
                resource.name(item),
                resource.createdAt(item),
                resource.changedAt(item),
                object,
                object.metadata(),
                resource.cells(item, asOf)));
      }
      if (page.next().isEmpty()) {
        return items;
      }
      after = page.next();
    }
    throw new ApiException(
        410,
        "Expired",
        "more than "
            + MAX_WATCH_PAGES * settings.pageSize()
            + " "
            + plural()
            + " changed within one watch poll; list again and watch from the new resourceVersion,"
            + " or narrow the selectors");
  }

  private WatchEncoder encoder(ResponseFormat format, IncludeObject include) {
    return new WatchEncoder() {
      @Override
      public Object encode(WatchItem item, boolean first) {
        if (!format.table()) {
          return item.object();
        }
        return tables.render(
            format,
            resource.columns(),
            first,
            List.of(new TableRow(item.cells(), item.object(), item.metadata())),
            include,
            item.metadata().getResourceVersion(),
            null);
      }

      @Override
      public Object bookmark(String resourceVersion) {
        if (format.table()) {
          return tables.render(
              format, resource.columns(), false, List.of(), include, resourceVersion, null);
        }
        // A bookmark carries only the resourceVersion; PartialObjectMetadata has just that shape.
        ObjectMeta meta = new ObjectMeta();
        meta.setResourceVersion(resourceVersion);
        PartialObjectMetadata bookmark = new PartialObjectMetadata();
        bookmark.setApiVersion(TelemetryApiGroup.API_VERSION);
        bookmark.setKind(resource.info().kind());
        bookmark.setMetadata(meta);
        return bookmark;
      }

      @Override
      public String contentType() {
        return format.contentType();
      }
    };
  }

  /**
   * Runs a storage read on the worker pool, in the request's read scope (its deadline reaches
   * ClickHouse, and leaving stops it there); failures fail the context as a Status.
   */
  private <R> void blocking(RoutingContext context, Callable<R> read, Consumer<R> then) {
    ReadScope scope = RequestBudget.of(context).reads();
    workers
        .executeBlocking(() -> scope.call(read), false)
        .onComplete(
            ar -> {
              try {
                if (ar.failed()) {
                  context.fail(StatusMapper.map(ar.cause(), reading));
                } else {
                  then.accept(ar.result());
                }
              } catch (RuntimeException e) {
                context.fail(StatusMapper.map(e, reading));
              }
            });
  }
}
