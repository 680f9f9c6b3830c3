-- Clio for Neovim 0.11+: setup(opts) for plugin managers, code-lens refresh, look-ups in a floating window, and the essay's timeline in the quickfix list.
local M = {}

local defaults = {
  cmd = nil, -- e.g. { '/path/to/clio-ls' }; nil keeps lsp/clio.lua's { 'clio-ls' }
  filetypes = nil, -- nil keeps lsp/clio.lua's list
  settings = nil, -- a `clio` table (or { clio = ... }), merged over lsp/clio.lua's defaults
  codelens = true, -- keep the argument-balance lens fresh
}

M.config = vim.deepcopy(defaults)

local function supported()
  return vim.fn.has('nvim-0.11') == 1
end

--- The command that starts the server, as configured (for :checkhealth).
function M.cmd()
  if M.config.cmd then
    return M.config.cmd
  end
  local cfg = vim.lsp.config and vim.lsp.config.clio
  return (cfg and type(cfg.cmd) == 'table' and cfg.cmd) or { 'clio-ls' }
end

--- Optional: configures and enables Clio in one call (what lazy.nvim's `opts` feed). Plain
--- `vim.lsp.enable('clio')` does the same with lsp/clio.lua's defaults.
function M.setup(opts)
  if not supported() then
    vim.notify('clio: Neovim 0.11 or newer is needed (vim.lsp.config / vim.lsp.enable)', vim.log.levels.ERROR)
    return
  end
  M.config = vim.tbl_deep_extend('force', vim.deepcopy(defaults), opts or {})
  local override = {}
  if M.config.cmd then
    override.cmd = M.config.cmd
  end
  if M.config.filetypes then
    override.filetypes = M.config.filetypes
  end
  if M.config.settings then
    override.settings = { clio = M.config.settings.clio or M.config.settings }
  end
  vim.lsp.config('clio', override)
  vim.lsp.enable('clio')
end

--- Asks the server for fresh code lenses in `bufnr` (the balance lens follows the essay's edits).
function M.refresh_codelens(bufnr)
  if not M.config.codelens then
    return
  end
  for _, client in ipairs(vim.lsp.get_clients({ bufnr = bufnr, name = 'clio' })) do
    if client:supports_method('textDocument/codeLens') then
      vim.lsp.codelens.refresh({ bufnr = bufnr })
      return
    end
  end
end

--- Called on LspAttach for a clio client (plugin/clio.lua): lenses now and after every edit.
function M.on_attach(bufnr)
  M.refresh_codelens(bufnr)
  local group = vim.api.nvim_create_augroup('clio_codelens_' .. bufnr, { clear = true })
  vim.api.nvim_create_autocmd({ 'BufEnter', 'InsertLeave', 'TextChanged' }, {
    group = group,
    buffer = bufnr,
    callback = function()
      M.refresh_codelens(bufnr)
    end,
  })
end

--- The clio clients to ask: those of `bufnr` first, else any running one.
local function clients_for(bufnr)
  local here = vim.lsp.get_clients({ bufnr = bufnr, name = 'clio' })
  return #here > 0 and here or vim.lsp.get_clients({ name = 'clio' })
end

--- The card's Markdown for `name` (a person, body, event, term or year), or nil and why not.
---@return string?, string?
function M.card(name, bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local clients = clients_for(bufnr)
  if #clients == 0 then
    return nil, 'clio: no clio-ls is running (open a Markdown, LaTeX or text file first; see :checkhealth clio)'
  end
  for _, client in ipairs(clients) do
    local res = client:request_sync('workspace/executeCommand', { command = 'clio.lookup', arguments = { name } }, 5000, bufnr)
    if res and res.result and type(res.result.markdown) == 'string' and res.result.markdown ~= '' then
      return res.result.markdown
    end
  end
  return nil, ('clio: no card for "%s"'):format(name)
end

--- Looks `name` up and shows its card in a floating window at the cursor, as a hover would.
--- Returns the float's window and buffer, or nil and the reason (also shown with vim.notify).
---@return integer?, integer|string
function M.lookup(name, bufnr)
  if not supported() then
    return nil, 'clio: Neovim 0.11 or newer is needed'
  end
  name = vim.trim(name or '')
  if name == '' then
    name = vim.fn.expand('<cword>')
  end
  local markdown, why = M.card(name, bufnr)
  if not markdown then
    vim.notify(why, vim.log.levels.WARN)
    return nil, why
  end
  local lines = vim.split(markdown, '\n', { plain = true })
  local float_buf, float_win = vim.lsp.util.open_floating_preview(lines, 'markdown', {
    border = 'rounded',
    focus_id = 'clio_lookup',
    title = ' Clio: ' .. name .. ' ',
    max_width = math.min(80, math.floor(vim.o.columns * 0.8)),
    max_height = math.floor(vim.o.lines * 0.6),
  })
  return float_win, float_buf
end

-- A dated claim's verdict as a quickfix type: a contradiction is what dubious-date warns of.
local verdict_type = { contradicts = 'W', matches = 'I', unknown = 'N' }

--- The essay's dated claims as quickfix items, in order: where each date is written, and the
--- server's line for it (the date, the verdict, the record's date). Nil and why when there is
--- no answer.
---@return table[]?, string?
function M.timeline_items(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local uri = vim.uri_from_bufnr(bufnr)
  local clients = vim.lsp.get_clients({ bufnr = bufnr, name = 'clio' })
  if #clients == 0 then
    return nil, 'clio: this buffer has no clio client (open a Markdown, LaTeX or text essay; see :checkhealth clio)'
  end
  local client = clients[1]
  local res = client:request_sync('workspace/executeCommand', { command = 'clio.timeline', arguments = { uri } }, 10000, bufnr)
  local t = res and res.result
  if type(t) ~= 'table' or type(t.points) ~= 'table' then
    local why = res and res.err and res.err.message or 'no answer'
    return nil, 'clio: the server gave no timeline (' .. tostring(why) .. ')'
  end
  local items = {}
  for _, p in ipairs(t.points) do
    -- The server's ranges are in the client's offset encoding; this converts them to bytes.
    local item = vim.lsp.util.locations_to_items({ { uri = uri, range = p.range } }, client.offset_encoding)[1]
    if item then
      item.bufnr, item.filename = bufnr, nil
      item.text = p.label
      item.type = verdict_type[p.verdict] or 'N'
      item.user_data = { verdict = p.verdict, record = p.record, dates = p.dates }
      table.insert(items, item)
    end
  end
  return items
end

--- :Clio timeline: the essay's dated claims in the quickfix list, opened. Returns the items, or
--- nil and why not (also shown with vim.notify).
---@return table[]?, string?
function M.timeline(bufnr)
  if not supported() then
    return nil, 'clio: Neovim 0.11 or newer is needed'
  end
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local items, why = M.timeline_items(bufnr)
  if not items then
    vim.notify(why, vim.log.levels.WARN)
    return nil, why
  end
  local name = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ':t')
  vim.fn.setqflist({}, ' ', { title = 'Clio timeline: ' .. name, items = items })
  if #items == 0 then
    vim.notify('clio: ' .. name .. ' has no dated claims', vim.log.levels.INFO)
  else
    vim.cmd('botright copen')
  end
  return items
end

return M
